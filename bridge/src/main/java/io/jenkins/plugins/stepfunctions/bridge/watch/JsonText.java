package io.jenkins.plugins.stepfunctions.bridge.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON that Step Functions hands back as text (an output, an activity task's input). */
final class JsonText {
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonText() {
    }

    /** The text as JSON; text that is not JSON as a JSON string; null as null. */
    static JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
