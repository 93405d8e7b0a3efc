package io.jenkins.plugins.stepfunctions.engine.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.jenkins.plugins.stepfunctions.engine.ApiException;
import io.jenkins.plugins.stepfunctions.engine.run.ExecutionEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP face of the API: AWS JSON 1.0 ({@code POST /}, {@code X-Amz-Target: AWSStepFunctions.Op}).
 * Every failure of a request becomes an error response; none escapes to the server.
 */
final class ApiHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());
    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    /** Largest body a valid request can have: a 1 MiB definition, JSON-escaped, with room to spare. */
    private static final int MAX_BODY = 8 * 1024 * 1024;
    private static final Pattern CREDENTIAL_REGION = Pattern.compile("Credential=[^/,]*/\\d{8}/([a-z0-9-]+)/");
    static final String DEFAULT_REGION = "us-east-1";

    private final Map<String, Operation> operations;
    private final Map<String, LongPoll.Operation> longPollOperations;
    private final FaultInjection faults;
    private final ObjectMapper mapper;
    private final LongPolls longPolls;
    private final boolean loopbackOnly;
    private final java.util.function.Supplier<String> ownHttpInvokeMarker;
    /** Serves the web console for a browser's GET of {@code /}; the API itself is POST only. */
    private final ConsoleHandler console;

    /**
     * {@code loopbackOnly}: the server is bound to loopback, so it answers only requests addressed to a
     * loopback name ({@code Host}); a web page the user visits cannot reach it by DNS rebinding.
     */
    ApiHandler(Map<String, Operation> operations, Map<String, LongPoll.Operation> longPollOperations,
               FaultInjection faults, ObjectMapper mapper, LongPolls longPolls, boolean loopbackOnly,
               java.util.function.Supplier<String> ownHttpInvokeMarker, ConsoleHandler console) {
        this.ownHttpInvokeMarker = ownHttpInvokeMarker;
        this.console = console;
        this.operations = Map.copyOf(operations);
        this.longPollOperations = Map.copyOf(longPollOperations);
        this.faults = faults;
        this.mapper = mapper;
        this.longPolls = longPolls;
        this.loopbackOnly = loopbackOnly;
    }

    @Override
    public void handle(HttpExchange exchange) {
        boolean held = false;
        try {
            held = respond(exchange);
        } finally {
            if (!held) {
                exchange.close();
            }
        }
    }

    /** Answers the request; true when it is held open for a long poll (answered later, not by this thread). */
    private boolean respond(HttpExchange exchange) {
        try {
            if (loopbackOnly && !LoopbackHosts.isLoopback(exchange.getRequestHeaders().getFirst("Host"))) {
                throw new ApiException(ApiErrors.ACCESS_DENIED, "Host '" + exchange.getRequestHeaders().getFirst("Host")
                        + "' is not a loopback name: sfn local is bound to loopback and answers only requests sent to"
                        + " localhost, 127.0.0.1 or [::1] (protection against DNS rebinding); to serve other names,"
                        + " bind it to another interface", 403);
            }
            String marker = exchange.getRequestHeaders().getFirst(ExecutionEngine.HTTP_INVOKE_MARKER_HEADER);
            if (marker != null && marker.equals(ownHttpInvokeMarker.get())) {
                throw new ApiException(ApiErrors.ACCESS_DENIED, "This request comes from an http:invoke task of the"
                        + " engine behind this API: sfn local never lets a definition call its own engine's API", 403);
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                if (console != null && exchange.getRequestMethod().equals("GET") && exchange.getRequestURI().getPath().equals("/")
                        && ConsoleHandler.allowed(exchange)) {
                    console.page(exchange);
                } else {
                    sendPlain(exchange);
                }
                return false;
            }
            String operation = operationName(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            byte[] body = readBody(exchange);
            FaultInjection.Fault fault = faults.decide(operation);
            if (!fault.delay().isZero()) {
                Thread.sleep(fault.delay().toMillis());
            }
            switch (fault.kind()) {
                case DROP -> {
                    // Closing the exchange before any response header closes the connection: what a client
                    // sees when a load balancer drops it.
                    return false;
                }
                case THROTTLE -> throw new ApiException(ApiErrors.THROTTLING, "Rate exceeded");
                case ERROR_500 -> throw new ApiException(ApiErrors.INTERNAL_FAILURE,
                        "Injected internal failure (sfn local fault injection); retry the request", 500);
                case NONE, LOSE_RESPONSE -> {
                }
            }
            boolean lose = fault.kind() == FaultInjection.Fault.Kind.LOSE_RESPONSE;
            LongPoll.Operation longPoll = longPollOperations.get(operation);
            if (longPoll != null) {
                LongPoll poll = longPoll.start(new ApiRequest(operation, parseBody(body), region(exchange)));
                if (!poll.answer().isDone()) {
                    longPolls.hold(exchange, poll, this::errorAnswer, response -> lose ? null : answer(200, response));
                    return true;
                }
                ObjectNode response = poll.answer().join();
                if (!lose) {
                    send(exchange, 200, response);
                }
                return false;
            }
            ObjectNode response = dispatch(operation, body, region(exchange));
            if (lose) {
                return false;
            }
            send(exchange, 200, response);
        } catch (ApiException e) {
            sendError(exchange, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "client went away before its answer was written", e);
        } catch (StackOverflowError e) {
            // A pathologically nested value costs this request, not the server.
            sendError(exchange, new ApiException(ApiErrors.INTERNAL_FAILURE, "The request is nested too deeply to"
                    + " process; flatten the JSON it carries", 500));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "request failed inside sfn local", e);
            sendError(exchange, new ApiException(ApiErrors.INTERNAL_FAILURE, "sfn local failed on this request ("
                    + e + "); the server keeps running, please report this with the request", 500));
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "request failed inside sfn local", e);
            sendError(exchange, new ApiException(ApiErrors.INTERNAL_FAILURE, "sfn local failed on this request ("
                    + e + "); the server keeps running, please report this with the request", 500));
        }
        return false;
    }

    private LongPolls.Answer answer(int status, ObjectNode body) {
        try {
            return new LongPolls.Answer(status, mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private LongPolls.Answer errorAnswer(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        ApiException api = cause instanceof ApiException e ? e : new ApiException(ApiErrors.INTERNAL_FAILURE,
                "sfn local failed on this request (" + cause + "); the server keeps running", 500);
        return answer(api.httpStatus(), errorBody(api));
    }

    private ObjectNode errorBody(ApiException e) {
        return mapper.createObjectNode().put("__type", ApiErrors.wireType(e.type())).put("message", e.getMessage());
    }

    private ObjectNode dispatch(String operationName, byte[] body, String region) throws InterruptedException {
        Operation operation = operations.get(operationName);
        if (operation == null) {
            TreeSet<String> known = new TreeSet<>(operations.keySet());
            known.addAll(longPollOperations.keySet());
            throw new ApiException(ApiErrors.UNKNOWN_OPERATION, "Unknown operation '" + operationName
                    + "': X-Amz-Target must be AWSStepFunctions.<Operation>, one of " + known);
        }
        ApiRequest request = new ApiRequest(operationName, parseBody(body), region);
        try {
            return operation.handle(request);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw new IllegalStateException(e.getCause());
        } catch (RuntimeException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String operationName(String target) {
        if (target == null || target.isBlank()) {
            throw new ApiException(ApiErrors.UNKNOWN_OPERATION, "Missing X-Amz-Target header: send"
                    + " 'X-Amz-Target: AWSStepFunctions.<Operation>' with a POST of the JSON request body");
        }
        if (!target.startsWith(TARGET_PREFIX)) {
            throw new ApiException(ApiErrors.UNKNOWN_OPERATION, "Unknown service in X-Amz-Target '" + target
                    + "': this endpoint serves Step Functions, use AWSStepFunctions.<Operation>");
        }
        return target.substring(TARGET_PREFIX.length());
    }

    private ObjectNode parseBody(byte[] body) {
        if (body.length == 0) {
            return mapper.createObjectNode();
        }
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(ApiErrors.SERIALIZATION, "The request body is not valid JSON: "
                    + e.getOriginalMessage() + WireValues.position(e) + "; send a JSON object such as {\"stateMachineArn\": \"...\"}");
        } catch (IOException e) {
            throw new ApiException(ApiErrors.SERIALIZATION, "The request body could not be read: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new ApiException(ApiErrors.SERIALIZATION, "The request body must be a JSON object, not "
                    + (json == null ? "empty" : json.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return (ObjectNode) json;
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new ApiException(ApiErrors.VALIDATION, "The request body is larger than " + MAX_BODY
                        + " bytes; definitions are limited to 1 MiB and inputs to 256 KiB", 413);
            }
            return body;
        }
    }

    /** The region the caller signed for (SigV4 credential scope), so ARNs come out as AWS would make them. */
    private static String region(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            Matcher m = CREDENTIAL_REGION.matcher(authorization);
            if (m.find()) {
                return m.group(1);
            }
        }
        return DEFAULT_REGION;
    }

    private void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void sendError(HttpExchange exchange, ApiException e) {
        ObjectNode body = errorBody(e);
        try {
            send(exchange, e.httpStatus(), body);
        } catch (IOException | RuntimeException ignored) {
            // The client went away; there is nobody left to tell.
        }
    }

    private static void sendPlain(HttpExchange exchange) throws IOException {
        byte[] bytes = ("sfn local: AWS Step Functions API (AWS JSON 1.0). POST requests to this endpoint with"
                + " 'X-Amz-Target: AWSStepFunctions.<Operation>', e.g. from the AWS SDK or"
                + " 'aws stepfunctions --endpoint-url <this URL> list-state-machines'.\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        String method = exchange.getRequestMethod();
        boolean head = method.equals("HEAD");
        exchange.sendResponseHeaders(method.equals("GET") || head ? 200 : 405, head ? -1 : bytes.length);
        if (!head) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
