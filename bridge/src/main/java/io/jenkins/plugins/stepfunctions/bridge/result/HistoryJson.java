package io.jenkins.plugins.stepfunctions.bridge.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.history.Redaction;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * History events as the JSON GetExecutionHistory returns (AWS's field names), for result files, the history a
 * build keeps and build pages: the one writer of history JSON. Walks the SDK's own field metadata, so every
 * event type and detail is kept.
 */
public final class HistoryJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryJson() {
    }

    /** One event; a scheduled task's token is redacted in its parameters ({@link Redaction}). */
    public static ObjectNode event(HistoryEvent e) {
        ObjectNode node = (ObjectNode) pojo(e);
        if (e.taskScheduledEventDetails() != null && e.taskScheduledEventDetails().parameters() != null) {
            ((ObjectNode) node.get("taskScheduledEventDetails")).put("parameters",
                    Redaction.taskTokens(e.taskScheduledEventDetails().parameters()));
        }
        return node;
    }

    public static ArrayNode events(Collection<HistoryEvent> events) {
        ArrayNode a = JSON.createArrayNode();
        events.forEach(e -> a.add(event(e)));
        return a;
    }

    private static JsonNode pojo(SdkPojo p) {
        ObjectNode o = JSON.createObjectNode();
        for (SdkField<?> f : p.sdkFields()) {
            Object v = f.getValueOrDefault(p);
            if (v != null) {
                o.set(f.locationName(), value(v));
            }
        }
        return o;
    }

    private static JsonNode value(Object v) {
        if (v instanceof SdkPojo p) {
            return pojo(p);
        }
        if (v instanceof Instant i) {
            return JSON.getNodeFactory().textNode(i.toString());
        }
        if (v instanceof Collection<?> c) {
            ArrayNode a = JSON.createArrayNode();
            c.forEach(x -> a.add(value(x)));
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = JSON.createObjectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), value(x)));
            return o;
        }
        if (v instanceof SdkBytes bytes) {
            return JSON.getNodeFactory().binaryNode(bytes.asByteArray());
        }
        return JSON.valueToTree(v instanceof Enum<?> ? v.toString() : v);
    }
}
