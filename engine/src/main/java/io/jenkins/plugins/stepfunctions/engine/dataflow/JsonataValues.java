package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversion between Jackson trees and the plain Java values (maps, lists, numbers) the JSONata library uses. */
final class JsonataValues {
    private JsonataValues() {
    }

    /** JSON null becomes the library's NULL_VALUE, so it stays distinct from undefined. */
    static Object toJava(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (node.isNull()) {
            return Jsonata.NULL_VALUE;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), toJava(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(toJava(element)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    /** The JSON form of a JSONata result, or null when it holds something JSON cannot (a function). */
    static JsonNode toJson(Object value) {
        if (value == null || value == Jsonata.NULL_VALUE) {
            return NullNode.getInstance();
        }
        if (value instanceof String text) {
            return JsonValues.NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return JsonValues.NODES.booleanNode(bool);
        }
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = JsonValues.NODES.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                JsonNode element = toJson(entry.getValue());
                if (element == null) {
                    return null;
                }
                object.set(String.valueOf(entry.getKey()), element);
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JsonValues.NODES.arrayNode(list.size());
            for (Object item : list) {
                JsonNode element = toJson(item);
                if (element == null) {
                    return null;
                }
                array.add(element);
            }
            return array;
        }
        return null;
    }

    /** Integral values print as integers (JSONata computes in doubles; AWS prints 3, not 3.0). */
    private static JsonNode number(Number number) {
        if (number instanceof BigInteger big) {
            return JsonValues.NODES.numberNode(big);
        }
        if (number instanceof BigDecimal decimal) {
            return JsonValues.NODES.numberNode(decimal);
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
                long whole = (long) d;
                return whole == (int) whole ? JsonValues.NODES.numberNode((int) whole)
                        : JsonValues.NODES.numberNode(whole);
            }
            return JsonValues.NODES.numberNode(d);
        }
        long whole = number.longValue();
        return whole == (int) whole ? JsonValues.NODES.numberNode((int) whole) : JsonValues.NODES.numberNode(whole);
    }
}
