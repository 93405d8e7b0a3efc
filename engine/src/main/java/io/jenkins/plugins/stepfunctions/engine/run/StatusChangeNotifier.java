package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.history.EventDetails;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers EventBridge-shaped "Step Functions Execution Status Change" events to an HTTP
 * listener, fire and forget (a slow listener never holds an execution back).
 */
final class StatusChangeNotifier {
    private static final Logger LOG = Logger.getLogger(StatusChangeNotifier.class.getName());

    private final URI listener;
    private final LazyHttpClient http;
    private final Clock clock;

    StatusChangeNotifier(URI listener, LazyHttpClient http, Clock clock) {
        this.listener = listener;
        this.http = http;
        this.clock = clock;
    }

    void statusChanged(Execution execution) {
        if (listener == null) {
            return;
        }
        String body = EventDetails.text(event(execution));
        HttpRequest request = HttpRequest.newBuilder(listener).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        // off the execution's actor: the first call builds the HTTP client (TLS init)
        CompletableFuture.runAsync(() -> http.get().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete((r, e) -> {
                    if (e != null) {
                        LOG.log(Level.FINE, "status change listener " + listener + " unreachable", e);
                    }
                }));
    }

    ObjectNode event(Execution execution) {
        StartRequest req = execution.request();
        String[] arn = req.executionArn().split(":");
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("version", "0");
        e.put("id", UUID.randomUUID().toString());
        e.put("detail-type", "Step Functions Execution Status Change");
        e.put("source", "aws.states");
        e.put("account", arn.length > 4 ? arn[4] : "");
        e.put("time", ExecutionRun.format(clock.instant()).replaceAll("\\.\\d+Z$", "Z"));
        e.put("region", arn.length > 3 ? arn[3] : "");
        e.putArray("resources").add(req.executionArn());
        ObjectNode d = e.putObject("detail");
        d.put("executionArn", req.executionArn());
        d.put("stateMachineArn", req.stateMachineArn());
        d.put("name", req.name());
        d.put("status", execution.status().name());
        d.put("startDate", execution.startDate().toEpochMilli());
        if (execution.stopDate() != null) {
            d.put("stopDate", execution.stopDate().toEpochMilli());
        } else {
            d.putNull("stopDate");
        }
        d.put("input", req.input());
        d.putObject("inputDetails").put("included", true);
        if (execution.output() != null) {
            d.put("output", execution.output());
            d.putObject("outputDetails").put("included", true);
        } else {
            d.putNull("output");
            d.putNull("outputDetails");
        }
        d.put("redriveCount", execution.redriveCount());
        if (execution.redriveDate() != null) {
            d.put("redriveDate", execution.redriveDate().toEpochMilli());
        } else {
            d.putNull("redriveDate");
        }
        d.put("redriveStatus", execution.status() == ExecutionStatus.SUCCEEDED ? "NOT_REDRIVABLE"
                : execution.status().isTerminal() ? "REDRIVABLE" : "NOT_REDRIVABLE");
        if (execution.error() != null) {
            d.put("error", execution.error());
        } else {
            d.putNull("error");
        }
        if (execution.cause() != null) {
            d.put("cause", execution.cause());
        } else {
            d.putNull("cause");
        }
        return e;
    }
}
