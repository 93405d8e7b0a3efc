package io.jenkins.plugins.stepfunctions.examples;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The project's approval convention (see the bridge): a callback task whose Parameters hold, at any depth
 * (the Lambda {@code Payload}, the SNS {@code Message}), an object with {@code "TaskToken.$": "$$.Task.Token"}
 * and an {@code approval} object.
 */
final class ApprovalConvention {
    private ApprovalConvention() {
    }

    /** The object carrying the token and the approval, or null. */
    static JsonNode carrier(JsonNode parameters) {
        if (parameters.isObject()) {
            if (parameters.has("TaskToken.$") && parameters.has("approval")) {
                return parameters;
            }
            for (JsonNode child : parameters) {
                JsonNode found = carrier(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
