package io.jenkins.plugins.stepfunctions.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * When a Wait state wakes up, from its definition and its input: history events do not say. Covers
 * Seconds, Timestamp and the simple {@code $.a.b} forms of SecondsPath and TimestampPath; anything else
 * (JSONata, intrinsic paths) gives no time rather than a wrong one.
 */
final class WaitTimes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WaitTimes() {
    }

    /** Epoch milliseconds, or null. {@code timeScale} shortens Seconds as the engine does (1 on AWS). */
    static Long wakeUp(JsonNode state, Long enteredAt, String input, double timeScale) {
        if (state == null || enteredAt == null) {
            return null;
        }
        if (state.path("Seconds").isNumber()) {
            return enteredAt + (long) (state.get("Seconds").asDouble() * 1000 * timeScale);
        }
        if (state.path("Timestamp").isTextual()) {
            return instant(state.get("Timestamp").asText());
        }
        JsonNode value = null;
        if (state.path("SecondsPath").isTextual()) {
            value = path(input, state.get("SecondsPath").asText());
            return value != null && value.isNumber() ? enteredAt + (long) (value.asDouble() * 1000 * timeScale) : null;
        }
        if (state.path("TimestampPath").isTextual()) {
            value = path(input, state.get("TimestampPath").asText());
            return value != null && value.isTextual() ? instant(value.asText()) : null;
        }
        return null;
    }

    private static Long instant(String text) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static JsonNode path(String input, String path) {
        if (input == null || !path.matches("\\$(\\.[A-Za-z0-9_-]+)*")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(input);
            for (String field : path.substring(1).split("\\.")) {
                if (!field.isEmpty()) {
                    node = node.path(field);
                }
            }
            return node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
