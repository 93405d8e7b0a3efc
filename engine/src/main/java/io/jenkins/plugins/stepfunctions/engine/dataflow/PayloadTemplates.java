package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Parameters / ItemSelector / ResultSelector / Assign (JSONPath language): keys ending in {@code .$}
 * take a path or an intrinsic function call; other values are copied. Throws StatesException
 * with AWS's error name and cause when a path is not found or a function fails.
 * PLACEHOLDER CONTRACT: the dataflow owner implements it.
 */
public final class PayloadTemplates {
    private PayloadTemplates() {
    }

    public static JsonNode resolve(JsonNode template, PathScope scope) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
