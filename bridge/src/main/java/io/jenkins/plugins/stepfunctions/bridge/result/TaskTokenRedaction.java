package io.jenkins.plugins.stepfunctions.bridge.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A {@code .waitForTaskToken} task's resolved parameters carry its task token (under a key naming a token:
 * {@code TaskToken}, {@code token}, {@code callbackToken}...). Whoever holds it can answer the task, so
 * history that leaves the bridge (result files, build pages) shows it redacted, like every other secret.
 */
public final class TaskTokenRedaction {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskTokenRedaction() {
    }

    /** The parameters JSON text with each token value redacted; the text unchanged when it holds none. */
    public static String parameters(String parametersJson) {
        if (parametersJson == null) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(parametersJson);
        } catch (JsonProcessingException notJson) {
            return parametersJson;
        }
        return redact(node) ? node.toString() : parametersJson;
    }

    private static boolean redact(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (value.isTextual() && name.toLowerCase(Locale.ROOT).contains("token")) {
                    object.put(name, Secret.redact(value.asText()));
                    changed = true;
                } else if (value.isTextual() && looksLikeJson(value.asText())) {
                    // a message body built with States.JsonToString carries the token inside a string
                    String redacted = parameters(value.asText());
                    if (!redacted.equals(value.asText())) {
                        object.put(name, redacted);
                        changed = true;
                    }
                } else {
                    changed |= redact(value);
                }
            }
        } else if (node.isArray()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                changed |= redact(it.next());
            }
        }
        return changed;
    }

    private static boolean looksLikeJson(String text) {
        String t = text.strip();
        return t.startsWith("{") && t.endsWith("}") || t.startsWith("[") && t.endsWith("]");
    }
}
