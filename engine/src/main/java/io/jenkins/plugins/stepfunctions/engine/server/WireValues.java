package io.jenkins.plugins.stepfunctions.engine.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/** How values travel in AWS JSON 1.0: timestamps as epoch seconds with milliseconds. */
final class WireValues {
    private WireValues() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    /** Puts {@code instant} under {@code field} unless it is null, as AWS omits absent members. */
    static ObjectNode putTime(ObjectNode node, String field, Instant instant) {
        if (instant != null) {
            node.put(field, epochSeconds(instant));
        }
        return node;
    }

    /** Where a JSON parse failed, as " at line L, column C", or nothing when the parser did not say. */
    static String position(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    static ObjectNode putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
        return node;
    }
}
