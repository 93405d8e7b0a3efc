package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON value equality where numbers compare by value (Jackson's {@code equals} tells {@code 1} from
 * {@code 1.0}, JSON does not).
 */
final class JsonEquality {
    private JsonEquality() {
    }

    static boolean same(JsonNode a, JsonNode b) {
        return canonical(a).equals(canonical(b));
    }

    /** A copy in which every number is a normalized BigDecimal, so equals and hashCode follow JSON. */
    static JsonNode canonical(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            return JsonValues.NODES.numberNode(value.signum() == 0 ? BigDecimal.ZERO : value);
        }
        if (node.isArray()) {
            ArrayNode copy = JsonValues.NODES.arrayNode(node.size());
            node.forEach(element -> copy.add(canonical(element)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonValues.NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), canonical(field.getValue()));
            }
            return copy;
        }
        return node;
    }
}
