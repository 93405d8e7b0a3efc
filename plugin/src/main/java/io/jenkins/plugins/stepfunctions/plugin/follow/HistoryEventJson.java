package io.jenkins.plugins.stepfunctions.plugin.follow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.bridge.result.TaskTokenRedaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.TaskScheduledEventDetails;

/**
 * An SDK history event as the JSON GetExecutionHistory returns (member names as AWS spells them), for the
 * history file a build keeps. Walks the SDK's own field metadata, so every event type and detail is kept.
 */
public final class HistoryEventJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HistoryEventJson() {
    }

    /** One history event; a scheduled task's token is redacted in its parameters, as the bridge does in result files. */
    public static ObjectNode event(HistoryEvent event) {
        TaskScheduledEventDetails scheduled = event.taskScheduledEventDetails();
        if (scheduled == null || scheduled.parameters() == null) {
            return of(event);
        }
        return of(event.toBuilder().taskScheduledEventDetails(scheduled.toBuilder()
                .parameters(TaskTokenRedaction.parameters(scheduled.parameters())).build()).build());
    }

    public static ObjectNode of(SdkPojo pojo) {
        ObjectNode node = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value != null) {
                node.set(field.memberName(), value(value));
            }
        }
        return node;
    }

    private static JsonNode value(Object value) {
        if (value instanceof SdkPojo pojo) {
            return of(pojo);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(value(item)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), value(v)));
            return object;
        }
        if (value instanceof Instant instant) {
            return NODES.textNode(instant.toString());
        }
        if (value instanceof Number || value instanceof Boolean) {
            return number(value);
        }
        if (value instanceof SdkBytes bytes) {
            return NODES.binaryNode(bytes.asByteArray());
        }
        return NODES.textNode(value.toString());
    }

    private static JsonNode number(Object value) {
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        return NODES.numberNode(((Number) value).doubleValue());
    }
}
