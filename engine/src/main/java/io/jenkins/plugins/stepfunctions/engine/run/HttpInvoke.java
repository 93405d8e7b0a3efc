package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.history.EventDetails;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code arn:aws:states:::http:invoke} over plain HTTP: ApiEndpoint, Method, Headers,
 * QueryParameters and RequestBody in; {@code {Headers, ResponseBody, StatusCode, StatusText}} out,
 * as AWS shapes it. A status outside 2xx fails with {@code States.Http.StatusCode.<code>}.
 */
final class HttpInvoke {
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            HttpInvokeGuard.MARKER_HEADER.toLowerCase(java.util.Locale.ROOT));
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
    /** AWS's payload limit: a response body beyond it could never be a state's result. */
    static final int MAX_RESPONSE_BYTES = StateRun.MAX_PAYLOAD_BYTES;
    private final HttpClient http;
    private final HttpInvokeGuard guard;

    HttpInvoke(HttpClient http, HttpInvokeGuard guard) {
        this.http = http;
        this.guard = guard;
    }

    /**
     * Checks the task's Parameters as AWS requires them (ApiEndpoint, Method, Authentication.ConnectionArn
     * or, for private APIs, InvocationConfig.ConnectionArn); the cause of the failure, or null.
     */
    static String invalid(JsonNode parameters) {
        if (!parameters.path("ApiEndpoint").isTextual()) {
            return "The http:invoke task needs Parameters.ApiEndpoint, the URL to call (a string).";
        }
        if (!parameters.path("Method").isTextual()) {
            return "The http:invoke task needs Parameters.Method, one of " + new java.util.TreeSet<>(METHODS) + ".";
        }
        if (!METHODS.contains(parameters.path("Method").asText())) {
            return "The http:invoke Method '" + parameters.path("Method").asText() + "' is not one of "
                    + new java.util.TreeSet<>(METHODS) + ".";
        }
        if (!parameters.path("Authentication").path("ConnectionArn").isTextual()
                && !parameters.path("InvocationConfig").path("ConnectionArn").isTextual()) {
            return "The http:invoke task needs Parameters.Authentication.ConnectionArn, the ARN of the EventBridge"
                    + " connection AWS authenticates the call with (AWS requires it; sfn local does not use it),"
                    + " e.g. \"Authentication\": {\"ConnectionArn\": \"arn:aws:events:us-east-1:123456789012:connection/my-api/1\"}.";
        }
        return null;
    }

    /** TestState's TRACE view of one call: the request sent and the response received, as AWS shows them. */
    interface Trace {
        void exchanged(ObjectNode request, ObjectNode response);
    }

    CompletableFuture<JsonNode> call(JsonNode parameters) {
        return call(parameters, null);
    }

    /** {@code trace}, when not null, sees the request and response of a call that got an answer. */
    CompletableFuture<JsonNode> call(JsonNode parameters, Trace trace) {
        String invalid = invalid(parameters);
        if (invalid != null) {
            return CompletableFuture.failedFuture(new StatesException(StatesException.RUNTIME, invalid));
        }
        String endpoint = parameters.path("ApiEndpoint").asText();
        String method = parameters.path("Method").asText();
        StringBuilder url = new StringBuilder(endpoint);
        JsonNode query = parameters.get("QueryParameters");
        if (query != null && query.isObject() && !query.isEmpty()) {
            url.append(endpoint.contains("?") ? '&' : '?');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = query.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!first) {
                    url.append('&');
                }
                first = false;
                url.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(e.getValue().isTextual() ? e.getValue().asText()
                                : EventDetails.text(e.getValue()), StandardCharsets.UTF_8));
            }
        }
        URI uri;
        HttpRequest.Builder request;
        try {
            uri = URI.create(url.toString());
            request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new StatesException(StatesException.RUNTIME,
                    "The http:invoke ApiEndpoint is not a valid URL: " + endpoint));
        }
        String refusal = guard.refusal(uri);
        if (refusal != null) {
            return CompletableFuture.failedFuture(new StatesException("States.Http.Socket", refusal));
        }
        request.header(HttpInvokeGuard.MARKER_HEADER, guard.marker());
        boolean hasContentType = false;
        JsonNode headers = parameters.get("Headers");
        if (headers != null && headers.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!RESTRICTED.contains(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    request.header(e.getKey(), e.getValue().asText());
                    hasContentType |= e.getKey().equalsIgnoreCase("content-type");
                }
            }
        }
        JsonNode body = parameters.get("RequestBody");
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (body != null && !body.isNull()) {
            publisher = HttpRequest.BodyPublishers.ofString(body.isTextual() ? body.asText() : EventDetails.text(body));
            if (!hasContentType) {
                request.header("Content-Type", body.isTextual() ? "text/plain" : "application/json");
            }
        }
        request.method(method, publisher);
        HttpRequest built = request.build();
        String sentBody = body == null || body.isNull() ? "" : body.isTextual() ? body.asText() : EventDetails.text(body);
        return http.sendAsync(built, info -> new LimitedBody(MAX_RESPONSE_BYTES,
                        info.headers().firstValueAsLong("content-length").orElse(-1)))
                .thenApply(response -> {
                    if (trace != null) {
                        trace.exchanged(traced(built, sentBody), traced(response));
                    }
                    return result(response);
                });
    }

    /**
     * Reads a response body up to {@code limit} bytes as it arrives; beyond that it cancels the
     * response (the connection is closed, the rest never read) and fails with States.DataLimitExceeded.
     */
    static final class LimitedBody implements HttpResponse.BodySubscriber<String> {
        private final int limit;
        private final long declaredLength;
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        private java.util.concurrent.Flow.Subscription subscription;

        LimitedBody(int limit, long declaredLength) {
            this.limit = limit;
            this.declaredLength = declaredLength;
        }

        @Override
        public java.util.concurrent.CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            subscription = s;
            if (declaredLength > limit) {
                tooLarge();
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(java.util.List<java.nio.ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            for (java.nio.ByteBuffer item : items) {
                if (buffer.size() + (long) item.remaining() > limit) {
                    tooLarge();
                    return;
                }
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                buffer.write(bytes, 0, bytes.length);
            }
            subscription.request(1);
        }

        private void tooLarge() {
            subscription.cancel();
            body.completeExceptionally(new StatesException("States.DataLimitExceeded", "The http:invoke response body"
                    + " is larger than " + limit + " bytes, the payload limit of a state's result; sfn local stopped"
                    + " reading it there"));
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(buffer.toString(StandardCharsets.UTF_8));
        }
    }

    private static ObjectNode traced(HttpRequest request, String body) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("protocol", "HTTP/1.1");
        out.put("method", request.method());
        out.put("url", request.uri().toString());
        // the engine's own marker is not part of what the definition asked to send
        out.put("headers", headersText(request.headers().map(), HttpInvokeGuard.MARKER_HEADER));
        out.put("body", body);
        return out;
    }

    private static ObjectNode traced(HttpResponse<String> response) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("protocol", response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1");
        out.put("statusCode", Integer.toString(response.statusCode()));
        out.put("statusMessage", statusText(response.statusCode()));
        out.put("headers", headersText(response.headers().map(), null));
        out.put("body", response.body() == null ? "" : response.body());
        return out;
    }

    private static String headersText(Map<String, java.util.List<String>> headers, String leaveOut) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        headers.forEach((k, v) -> {
            if (leaveOut == null || !k.equalsIgnoreCase(leaveOut)) {
                var values = out.putArray(k);
                v.forEach(values::add);
            }
        });
        return EventDetails.text(out);
    }

    private static JsonNode result(HttpResponse<String> response) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode headers = out.putObject("Headers");
        response.headers().map().forEach((k, v) -> {
            var arr = headers.putArray(k);
            for (String s : v) {
                arr.add(s);
            }
        });
        String text = response.body() == null ? "" : response.body();
        JsonNode parsed = null;
        String type = response.headers().firstValue("content-type").orElse("");
        if (type.contains("json") && !text.isBlank()) {
            JsonNode p = ExecutionRun.parse(text);
            parsed = p.isTextual() && !text.trim().startsWith("\"") ? null : p;
        }
        if (parsed != null) {
            out.set("ResponseBody", parsed);
        } else {
            out.put("ResponseBody", text);
        }
        out.put("StatusCode", response.statusCode());
        out.put("StatusText", statusText(response.statusCode()));
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new StatesException("States.Http.StatusCode." + response.statusCode(), EventDetails.text(out));
        }
        return out;
    }

    private static String statusText(int code) {
        return switch (code) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> Integer.toString(code);
        };
    }
}
