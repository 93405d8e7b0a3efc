package io.jenkins.plugins.stepfunctions.bridge.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Writes an outcome to a file: {@code {executionArn, status, output, error, cause, startDate, stopDate,
 * history:[...]}}, the history read in full (pages of 1000) once, at the end, only when asked for.
 */
public final class ResultFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultFile() {
    }

    public static ObjectNode toJson(Outcome o) {
        ObjectNode node = JSON.createObjectNode();
        node.put("executionArn", o.executionArn());
        node.put("status", o.status());
        node.set("output", o.output());
        node.put("error", o.error());
        node.put("cause", o.cause());
        node.put("startDate", o.startDate() == null ? null : o.startDate().toString());
        node.put("stopDate", o.stopDate() == null ? null : o.stopDate().toString());
        return node;
    }

    public static void write(Path file, Outcome outcome, SfnClient sfn) throws IOException {
        List<HistoryEvent> events = new ArrayList<>();
        sfn.getExecutionHistoryPaginator(b -> b.executionArn(outcome.executionArn()).maxResults(1000)
                .includeExecutionData(true)).events().forEach(events::add);
        ObjectNode node = toJson(outcome);
        node.set("history", HistoryJson.events(events));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), node);
    }
}
