package io.jenkins.plugins.stepfunctions.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

/**
 * Reading history events in AWS's JSON shape, both as the API sends them (timestamps in epoch seconds)
 * and as the bridge stores them (ISO-8601 timestamps).
 */
final class HistoryEvents {
    private HistoryEvents() {
    }

    static String type(JsonNode event) {
        return event.path("type").asText("");
    }

    static long id(JsonNode event) {
        return event.path("id").asLong();
    }

    static Long previous(JsonNode event) {
        JsonNode p = event.get("previousEventId");
        return p == null || p.isNull() ? null : p.asLong();
    }

    /** Epoch milliseconds, or null when absent or unreadable. */
    static Long time(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue().multiply(BigDecimal.valueOf(1000)).longValue();
        }
        try {
            return Instant.parse(value.asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Long timestamp(JsonNode event) {
        return time(event.get("timestamp"));
    }

    /** The event's one {@code ...EventDetails} member, or a missing node. */
    static JsonNode details(JsonNode event) {
        Iterator<Map.Entry<String, JsonNode>> fields = event.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().endsWith("EventDetails")) {
                return f.getValue();
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
