package io.jenkins.plugins.stepfunctions.bridge.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.bridge.result.HistoryJson;
import io.jenkins.plugins.stepfunctions.view.DefinitionGraph;
import io.jenkins.plugins.stepfunctions.view.HistoryReplay;
import io.jenkins.plugins.stepfunctions.view.ReportPage;
import io.jenkins.plugins.stepfunctions.view.ViewData;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The live view of an execution read through the API: its definition (DescribeStateMachineForExecution)
 * and its whole history, task tokens redacted as in every history the bridge writes.
 */
public final class ExecutionViews {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExecutionViews() {
    }

    /** The definition and the history of an execution, in the view's JSON shape. */
    public record Snapshot(String executionArn, JsonNode definition, List<JsonNode> events) {
        public ViewData view(double timeScale) {
            HistoryReplay replay = new HistoryReplay(executionArn, DefinitionGraph.of(definition), timeScale);
            events.forEach(replay::accept);
            return replay.view();
        }

        /** One self-contained HTML page: the final view and the history. */
        public String report(double timeScale) {
            return ReportPage.html(view(timeScale), events);
        }
    }

    public static Snapshot read(SfnClient sfn, String executionArn) {
        String definition = sfn.describeStateMachineForExecution(b -> b.executionArn(executionArn)).definition();
        List<HistoryEvent> events = new ArrayList<>();
        sfn.getExecutionHistoryPaginator(b -> b.executionArn(executionArn).maxResults(1000).includeExecutionData(true))
                .events().forEach(events::add);
        return of(executionArn, definition, events);
    }

    public static Snapshot of(String executionArn, String definition, List<HistoryEvent> events) {
        JsonNode parsed;
        try {
            parsed = definition == null ? null : JSON.readTree(definition);
        } catch (JsonProcessingException e) {
            // a definition the API returned but Jackson cannot read: the view falls back to the states it saw
            parsed = null;
        }
        List<JsonNode> json = new ArrayList<>(events.size());
        events.forEach(e -> json.add(HistoryJson.event(e)));
        return new Snapshot(executionArn, parsed, json);
    }
}
