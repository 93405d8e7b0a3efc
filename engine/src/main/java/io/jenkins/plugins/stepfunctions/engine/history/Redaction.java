package io.jenkins.plugins.stepfunctions.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * How secrets are shown: their first characters and their length, never whole. A {@code .waitForTaskToken}
 * task's resolved parameters carry its task token (under a key naming a token: {@code TaskToken}, {@code token},
 * {@code callbackToken}...). Whoever holds it can answer the task, so history shown to people (result files,
 * reports, build pages, sfn local's console) has it redacted. One place for the rule and the format, used by
 * the engine's console and by the bridge.
 */
public final class Redaction {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VISIBLE = 6;

    private Redaction() {
    }

    /** {@code AQCEAA…(684 chars)}; {@code ****} for a value too short to show any of it. */
    public static String secret(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() <= VISIBLE * 2) {
            return "****";
        }
        return value.substring(0, VISIBLE) + "…(" + value.length() + " chars)";
    }

    /** The parameters JSON text with each token value redacted; the text unchanged when it holds none. */
    public static String taskTokens(String parametersJson) {
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
                    object.put(name, secret(value.asText()));
                    changed = true;
                } else if (value.isTextual() && looksLikeJson(value.asText())) {
                    // a message body built with States.JsonToString carries the token inside a string
                    String redacted = taskTokens(value.asText());
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
