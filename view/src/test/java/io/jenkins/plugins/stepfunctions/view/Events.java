package io.jenkins.plugins.stepfunctions.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Builds a history in AWS's JSON shape, one event at a time, ids and previous ids as AWS chains them. */
final class Events {
    static final ObjectMapper JSON = new ObjectMapper();
    final List<JsonNode> all = new ArrayList<>();
    long t = 1_700_000_000L;

    /** Adds an event after {@code previous} (0: none) and returns its id. */
    long add(String type, long previous, String detailsField, ObjectNode details) {
        ObjectNode e = JSON.createObjectNode().put("type", type).put("id", all.size() + 1).put("timestamp", t++);
        if (previous > 0) {
            e.put("previousEventId", previous);
        }
        if (detailsField != null) {
            e.set(detailsField, details);
        }
        all.add(e);
        return all.size();
    }

    long entered(String stateType, String name, long previous) {
        return add(stateType + "StateEntered", previous, "stateEnteredEventDetails",
                JSON.createObjectNode().put("name", name).put("input", "{\"n\":1}"));
    }

    long exited(String stateType, String name, long previous) {
        return add(stateType + "StateExited", previous, "stateExitedEventDetails",
                JSON.createObjectNode().put("name", name).put("output", "{\"n\":2}"));
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
