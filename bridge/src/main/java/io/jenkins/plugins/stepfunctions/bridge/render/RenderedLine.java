package io.jenkins.plugins.stepfunctions.bridge.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * One line of the transition log.
 *
 * @param eventId the history event it came from (0 for summaries)
 * @param depth   nesting inside Parallel branches and Map iterations, for indentation
 * @param state   the state it is about, or null
 * @param fields  extra facts for JSON lines (type, duration, error, attempt...)
 */
public record RenderedLine(Instant time, long eventId, LineKind kind, int depth, String state, String text,
                           Map<String, Object> fields) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("UTC"));

    public RenderedLine {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    public String format(RenderStyle style) {
        return switch (style) {
            case PLAIN -> prefix() + text;
            case COLOR -> colour() + prefix() + text + "\u001b[0m";
            case JSON -> json();
        };
    }

    private String prefix() {
        return (time == null ? "        " : CLOCK.format(time)) + " " + "  ".repeat(Math.max(0, depth));
    }

    private String colour() {
        return switch (kind) {
            case SUCCEEDED -> "\u001b[32m";
            case FAILED -> "\u001b[31m";
            case RETRY, CAUGHT -> "\u001b[33m";
            case APPROVAL -> "\u001b[35m";
            case EXECUTION, SUMMARY -> "\u001b[1m";
            case WAIT, PROGRESS, STRUCTURE -> "\u001b[36m";
            default -> "";
        };
    }

    private String json() {
        ObjectNode node = JSON.createObjectNode();
        if (time != null) {
            node.put("time", time.toString());
        }
        if (eventId > 0) {
            node.put("eventId", eventId);
        }
        node.put("kind", kind.name().toLowerCase());
        if (state != null) {
            node.put("state", state);
        }
        node.put("message", text);
        fields.forEach((k, v) -> node.set(k, JSON.valueToTree(v)));
        return node.toString();
    }
}
