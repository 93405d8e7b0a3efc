package io.jenkins.plugins.stepfunctions.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.jenkins.plugins.stepfunctions.engine.ApiException;
import io.jenkins.plugins.stepfunctions.engine.history.ExecutionHistory;
import io.jenkins.plugins.stepfunctions.engine.history.HistoryEvent;
import io.jenkins.plugins.stepfunctions.engine.history.Redaction;
import io.jenkins.plugins.stepfunctions.engine.run.ExecutionEngine;
import io.jenkins.plugins.stepfunctions.view.DefinitionGraph;
import io.jenkins.plugins.stepfunctions.view.HistoryReplay;
import io.jenkins.plugins.stepfunctions.view.ViewJson;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * sfn local's web console: the page at {@code /}, and under {@code /console/api/} the state machines with their
 * executions, the live view of one execution, its history, and the answer to a pending approval. Reads the
 * engine's own memory, so watching an execution costs the API nothing. Answers only loopback clients that
 * address it by a loopback name; the one write (an answer) must come from the console's own page.
 */
final class ConsoleHandler implements HttpHandler {
    static final String ANSWER_HEADER = "X-Sfn-Console";
    private static final int EXECUTIONS_LISTED = 25;
    private static final int MAX_ANSWER_BODY = 64 * 1024;
    private final StateMachineStore stateMachines;
    private final ExecutionStore executions;
    private final Supplier<ExecutionEngine> engine;
    private final ObjectMapper mapper;
    private final double timeScale;

    ConsoleHandler(StateMachineStore stateMachines, ExecutionStore executions, Supplier<ExecutionEngine> engine,
                   ObjectMapper mapper, double timeScale) {
        this.stateMachines = stateMachines;
        this.executions = executions;
        this.engine = engine;
        this.mapper = mapper;
        this.timeScale = timeScale;
    }

    /** Whether the console may answer this request: a loopback client addressing a loopback name. */
    static boolean allowed(HttpExchange exchange) {
        return exchange.getRemoteAddress() != null && exchange.getRemoteAddress().getAddress().isLoopbackAddress()
                && LoopbackHosts.isLoopback(exchange.getRequestHeaders().getFirst("Host"));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            respond(exchange);
        } catch (ApiException e) {
            json(exchange, e.httpStatus(), mapper.createObjectNode().put("message", e.getMessage()).toString());
        } catch (IOException | RuntimeException e) {
            // a broken request or a failure inside: this request fails, the console keeps running
            json(exchange, 400, mapper.createObjectNode().put("message", String.valueOf(e.getMessage())).toString());
        } finally {
            exchange.close();
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        if (!allowed(exchange)) {
            send(exchange, 403, "text/plain; charset=utf-8", "sfn local's console answers only on loopback"
                    + " (localhost, 127.0.0.1, [::1]) from this machine.");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        switch (method + " " + path) {
            case "GET /console/api/state-machines" -> json(exchange, 200, listing().toString());
            case "GET /console/api/view" -> view(exchange, query);
            case "GET /console/api/history" -> history(exchange, query);
            case "POST /console/api/answer" -> answer(exchange);
            case "GET /console/", "GET /console" -> page(exchange);
            default -> send(exchange, 404, "text/plain; charset=utf-8", "no such console page");
        }
    }

    /** The console page ({@code GET /}), everything inlined. */
    void page(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline';"
                + " style-src 'unsafe-inline'; frame-ancestors 'none'");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        send(exchange, 200, "text/html; charset=utf-8", ConsolePage.html());
    }

    private ObjectNode listing() {
        ObjectNode out = mapper.createObjectNode();
        ArrayNode machines = out.putArray("stateMachines");
        for (StateMachineEntry machine : stateMachines.all()) {
            ObjectNode m = machines.addObject().put("arn", machine.arn().toString()).put("name", machine.name())
                    .put("type", machine.type());
            ArrayNode list = m.putArray("executions");
            for (ExecutionEntry e : executions.list(machine.arn().toString(), Long.MAX_VALUE, x -> true, EXECUTIONS_LISTED)) {
                ObjectNode item = list.addObject().put("arn", e.arn()).put("name", e.execution().request().name())
                        .put("status", e.execution().status().name());
                if (e.execution().startDate() != null) {
                    item.put("startDate", e.execution().startDate().toEpochMilli());
                }
            }
        }
        return out;
    }

    /** The view, or {@code {"unchanged":true}} when the page already has every event ({@code since}). */
    private void view(HttpExchange exchange, Map<String, String> query) throws IOException {
        ExecutionEntry entry = executions.require(query.get("execution"), "execution");
        ExecutionHistory history = entry.execution().history();
        int size = history.size();
        if (String.valueOf(size).equals(query.get("since"))) {
            json(exchange, 200, "{\"unchanged\":true}");
            return;
        }
        JsonNode definition = mapper.readTree(entry.revision().definitionText());
        HistoryReplay replay = new HistoryReplay(entry.arn(), DefinitionGraph.of(definition), timeScale);
        for (int i = 0; i < size; i++) {
            replay.accept(shown(history.get(i)));
        }
        json(exchange, 200, ViewJson.of(replay.view()));
    }

    /**
     * An event as the page gets it: a scheduled task's token redacted, as in every history shown to people. The
     * page never needs it: an answer names the approval, and the token is read here, from the engine's history.
     */
    private static ObjectNode shown(HistoryEvent event) {
        ObjectNode json = HistoryEventJson.of(event, true);
        JsonNode scheduled = json.get("taskScheduledEventDetails");
        if (scheduled instanceof ObjectNode details && details.path("parameters").isTextual()) {
            // a copy: the event's own details are the engine's history
            ObjectNode redacted = details.deepCopy();
            redacted.put("parameters", Redaction.taskTokens(details.get("parameters").asText()));
            json.set("taskScheduledEventDetails", redacted);
        }
        return json;
    }

    private void history(HttpExchange exchange, Map<String, String> query) throws IOException {
        ExecutionHistory history = executions.require(query.get("execution"), "execution").execution().history();
        ObjectNode out = mapper.createObjectNode();
        ArrayNode events = out.putArray("events");
        int size = history.size();
        for (int i = 0; i < size; i++) {
            events.add(shown(history.get(i)));
        }
        json(exchange, 200, ViewJson.htmlSafe(out.toString()));
    }

    /**
     * Approve or reject a pending approval: {@code {"execution", "scheduledEventId", "approve", "comment"}}, answered
     * as the bridge answers (SendTaskSuccess with {@code approved: true}, or SendTaskFailure Approval.Rejected).
     * The custom header cannot be sent cross-site without a CORS preflight, which this server never grants; an
     * Origin other than the console's own is refused too.
     */
    private void answer(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (exchange.getRequestHeaders().getFirst(ANSWER_HEADER) == null
                || (origin != null && !origin.equals("http://" + host))) {
            throw new ApiException("AccessDeniedException", "answers come from the console's own page only", 403);
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_ANSWER_BODY + 1);
        if (body.length > MAX_ANSWER_BODY) {
            throw new ApiException("ValidationException", "answer too large", 400);
        }
        JsonNode request = mapper.readTree(body);
        ExecutionEntry entry = executions.require(request.path("execution").asText(null), "execution");
        long scheduled = request.path("scheduledEventId").asLong(-1);
        ConsoleApprovals.Pending pending = ConsoleApprovals.find(entry, scheduled, mapper);
        boolean approve = request.path("approve").asBoolean(false);
        ObjectNode decision = mapper.createObjectNode().put("approved", approve).put("approver", "sfn-local-console")
                .put("comment", request.path("comment").asText(""));
        decision.set("parameters", pending.parameters());
        if (approve) {
            engine.get().sendTaskSuccess(pending.token(), decision.toString());
        } else {
            engine.get().sendTaskFailure(pending.token(), "Approval.Rejected", decision.toString());
        }
        json(exchange, 200, mapper.createObjectNode().put("answered", approve ? "approved" : "rejected").toString());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, "application/json; charset=utf-8", body);
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
