package io.jenkins.plugins.stepfunctions.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises an approval in a TaskScheduled event by the project's convention (the bridge's
 * ApprovalTracker uses the same one): a {@code .waitForTaskToken} task whose parameters carry an
 * {@code approval} object, at most a few levels down.
 */
final class Approvals {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SEARCH_DEPTH = 6;

    private Approvals() {
    }

    static ApprovalWait of(String type, long id, JsonNode details, Long scheduledAt) {
        if (!type.equals("TaskScheduled") || !details.path("resource").asText("").endsWith(".waitForTaskToken")) {
            return null;
        }
        JsonNode approval;
        try {
            approval = find(JSON.readTree(details.path("parameters").asText("{}")), 0);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (approval == null) {
            return null;
        }
        List<String> submitters = new ArrayList<>();
        JsonNode sub = approval.has("submitter") ? approval.get("submitter") : approval.get("submitters");
        if (sub != null && sub.isArray()) {
            sub.forEach(s -> submitters.add(s.asText()));
        } else if (sub != null && sub.isTextual()) {
            for (String s : sub.asText().split(",")) {
                if (!s.isBlank()) {
                    submitters.add(s.trim());
                }
            }
        }
        JsonNode timeout = details.get("timeoutInSeconds");
        Long deadline = timeout == null || !timeout.isNumber() || scheduledAt == null ? null
                : scheduledAt + timeout.asLong() * 1000;
        return new ApprovalWait(id, approval.path("message").asText(null), List.copyOf(submitters), deadline);
    }

    private static JsonNode find(JsonNode node, int depth) {
        if (node == null || depth > SEARCH_DEPTH || !node.isContainerNode()) {
            return null;
        }
        if (node.isObject() && node.path("approval").isObject()) {
            return node.get("approval");
        }
        for (JsonNode child : node) {
            JsonNode found = find(child, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
