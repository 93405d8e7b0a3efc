package io.jenkins.plugins.stepfunctions.cli.inprocess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * SDK model objects to and from the AWS JSON 1.0 bodies of Step Functions, member by member as the
 * model describes itself ({@link SdkPojo#sdkFields()}): what the SDK's JSON protocol does on the wire,
 * without an HTTP client, a signer or a request pipeline. Timestamps are epoch seconds.
 */
final class SdkJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SdkJson() {
    }

    static ObjectNode toJson(SdkPojo pojo) {
        ObjectNode node = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value != null) {
                node.set(field.locationName(), value(field, value));
            }
        }
        return node;
    }

    private static JsonNode value(SdkField<?> field, Object value) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        if (type == null) {
            return NODES.textNode(value.toString());
        }
        return switch (type) {
            case STRING -> NODES.textNode((String) value);
            case INTEGER, LONG, SHORT, BYTE -> NODES.numberNode(((Number) value).longValue());
            case FLOAT, DOUBLE -> NODES.numberNode(((Number) value).doubleValue());
            case BIG_DECIMAL -> NODES.numberNode((BigDecimal) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case INSTANT -> NODES.numberNode(BigDecimal.valueOf(((Instant) value).toEpochMilli(), 3));
            case SDK_POJO -> toJson((SdkPojo) value);
            case LIST -> {
                ArrayNode array = NODES.arrayNode();
                SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
                for (Object item : (List<?>) value) {
                    array.add(item == null ? NODES.nullNode() : value(member, item));
                }
                yield array;
            }
            case MAP -> {
                ObjectNode map = NODES.objectNode();
                SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
                ((Map<?, ?>) value).forEach((k, v) -> map.set(k.toString(), v == null ? NODES.nullNode() : value(member, v)));
                yield map;
            }
            default -> throw new IllegalArgumentException("member " + field.memberName() + " of type " + type
                    + " is not part of the Step Functions API");
        };
    }

    /** Fills {@code builder} (a model Builder, itself an SdkPojo) from {@code node} and builds it. */
    @SuppressWarnings("unchecked")
    static <T> T fromJson(SdkPojo builder, JsonNode node) {
        fill(builder, node);
        return (T) ((Buildable) builder).build();
    }

    private static void fill(SdkPojo builder, JsonNode node) {
        for (SdkField<?> field : builder.sdkFields()) {
            JsonNode value = node.get(field.unmarshallLocationName());
            if (value != null && !value.isNull()) {
                field.set(builder, read(field, value));
            }
        }
    }

    private static Object read(SdkField<?> field, JsonNode value) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        if (type == null) {
            return value.asText();
        }
        return switch (type) {
            case STRING -> value.isTextual() ? value.textValue() : value.toString();
            case INTEGER -> value.intValue();
            case LONG -> value.longValue();
            case SHORT -> value.shortValue();
            case BYTE -> (byte) value.intValue();
            case FLOAT -> value.floatValue();
            case DOUBLE -> value.doubleValue();
            case BIG_DECIMAL -> value.decimalValue();
            case BOOLEAN -> value.booleanValue();
            case INSTANT -> instant(value);
            case SDK_POJO -> {
                SdkPojo nested = field.constructor().get();
                yield fromJson(nested, value);
            }
            case LIST -> {
                SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
                List<Object> list = new ArrayList<>(value.size());
                for (JsonNode item : value) {
                    list.add(item.isNull() ? null : read(member, item));
                }
                yield list;
            }
            case MAP -> {
                SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
                Map<String, Object> map = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    map.put(e.getKey(), e.getValue().isNull() ? null : read(member, e.getValue()));
                }
                yield map;
            }
            default -> throw new IllegalArgumentException("member " + field.memberName() + " of type " + type
                    + " is not part of the Step Functions API");
        };
    }

    private static Instant instant(JsonNode value) {
        if (value.isTextual()) {
            return Instant.parse(value.textValue());
        }
        BigDecimal seconds = value.decimalValue();
        return Instant.ofEpochSecond(seconds.longValue(),
                seconds.subtract(BigDecimal.valueOf(seconds.longValue())).movePointRight(9).longValue());
    }
}
