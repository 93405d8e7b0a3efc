package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.WireValues.object;
import static io.jenkins.plugins.stepfunctions.engine.server.WireValues.putTime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.history.HistoryEvent;
import java.util.List;

/** A history event as GetExecutionHistory sends it. */
final class HistoryEventJson {
    /** What {@code includeExecutionData: false} leaves out: the data, not its *Details companions. */
    private static final List<String> EXECUTION_DATA = List.of("input", "output", "parameters");

    private HistoryEventJson() {
    }

    static ObjectNode of(HistoryEvent event, boolean includeExecutionData) {
        ObjectNode json = putTime(object(), "timestamp", event.timestamp())
                .put("type", event.type())
                .put("id", event.id())
                .put("previousEventId", event.previousEventId());
        if (event.detailsField() != null && event.details() != null) {
            ObjectNode details = event.details();
            if (!includeExecutionData) {
                details = details.deepCopy();
                details.remove(EXECUTION_DATA);
            }
            json.set(event.detailsField(), details);
        }
        return json;
    }
}
