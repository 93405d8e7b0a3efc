package io.jenkins.plugins.stepfunctions.engine.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.engine.ApiException;
import io.jenkins.plugins.stepfunctions.engine.history.ExecutionHistory;
import io.jenkins.plugins.stepfunctions.engine.history.HistoryEvent;
import io.jenkins.plugins.stepfunctions.view.DefinitionGraph;
import io.jenkins.plugins.stepfunctions.view.HistoryReplay;

/**
 * The approval a console answer names: it must still be pending (the view's own rule), and its task token is
 * read from the engine's history, never from the page.
 */
final class ConsoleApprovals {
    private ConsoleApprovals() {
    }

    record Pending(String token, JsonNode parameters) {
    }

    static Pending find(ExecutionEntry entry, long scheduledEventId, ObjectMapper mapper) throws JsonProcessingException {
        ExecutionHistory history = entry.execution().history();
        HistoryReplay replay = new HistoryReplay(entry.arn(), DefinitionGraph.of(null), 1);
        HistoryEvent scheduled = null;
        int size = history.size();
        for (int i = 0; i < size; i++) {
            HistoryEvent e = history.get(i);
            replay.accept(HistoryEventJson.of(e, true));
            if (e.id() == scheduledEventId) {
                scheduled = e;
            }
        }
        if (scheduled == null || replay.approvalState(scheduledEventId).isEmpty()) {
            throw new ApiException("TaskDoesNotExist", "This approval is no longer pending.", 409);
        }
        JsonNode parameters = mapper.readTree(scheduled.details().path("parameters").asText("{}"));
        JsonNode token = tokenOf(parameters, 0);
        if (token == null) {
            throw new ApiException("TaskDoesNotExist", "The task carries no task token to answer with.", 409);
        }
        JsonNode approval = parameters.findValue("approval");
        return new Pending(token.asText(), approval == null ? null : approval.get("parameters"));
    }

    /** The value of the first field named TaskToken (any case), as the approval convention places it. */
    private static JsonNode tokenOf(JsonNode node, int depth) {
        if (depth > 6 || !node.isContainerNode()) {
            return null;
        }
        var fields = node.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            if (f.getKey().equalsIgnoreCase("TaskToken") && f.getValue().isTextual()) {
                return f.getValue();
            }
        }
        for (JsonNode child : node) {
            JsonNode found = tokenOf(child, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
