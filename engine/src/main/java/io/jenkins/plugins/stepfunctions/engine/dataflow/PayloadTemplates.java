package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import java.util.Iterator;
import java.util.Map;

/**
 * Parameters / ItemSelector / ResultSelector / Assign (JSONPath language): keys ending in {@code .$}
 * take a path or an intrinsic function call; other values are copied. Throws StatesException
 * with AWS's error name and cause when a path is not found or a function fails.
 */
public final class PayloadTemplates {
    private static final String DYNAMIC_SUFFIX = ".$";

    private PayloadTemplates() {
    }

    public static JsonNode resolve(JsonNode template, PathScope scope) {
        if (template == null) {
            return null;
        }
        if (template.isObject()) {
            ObjectNode resolved = JsonValues.NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                JsonNode value = field.getValue();
                if (key.endsWith(DYNAMIC_SUFFIX) && value.isTextual()) {
                    resolved.set(key.substring(0, key.length() - DYNAMIC_SUFFIX.length()),
                            evaluate(value.textValue(), key, scope));
                } else {
                    resolved.set(key, resolve(value, scope));
                }
            }
            return resolved;
        }
        if (template.isArray()) {
            ArrayNode resolved = JsonValues.NODES.arrayNode(template.size());
            for (JsonNode element : template) {
                resolved.add(resolve(element, scope));
            }
            return resolved;
        }
        return template;
    }

    /**
     * The value of one dynamic field: an intrinsic function call or a path. Throws States.Runtime
     * with AWS's cause when the path matches nothing.
     */
    public static JsonNode evaluate(String expression, String field, PathScope scope) {
        if (IntrinsicFunctions.isCall(expression)) {
            return IntrinsicFunctions.evaluate(expression, scope);
        }
        JsonNode value = JsonPaths.read(expression, scope);
        if (value == null) {
            throw pathNotFound(expression, field, scope);
        }
        return value;
    }

    /** AWS's cause for a path of {@code field} that matches nothing in the document it reads. */
    static StatesException pathNotFound(String path, String field, PathScope scope) {
        JsonNode document = JsonPaths.Target.of(path, scope).document();
        return new StatesException(StatesException.RUNTIME, "The JSONPath '" + path + "' specified for the field '"
                + field + "' could not be found in the input '" + JsonValues.compact(document) + "'");
    }
}
