package io.jenkins.plugins.stepfunctions.plugin.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.AbortException;
import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;

/** Checks on what a build sends back to a task, before anything is sent. */
final class TaskTokens {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskTokens() {
    }

    /** The token, wrapped so that it never prints whole. */
    static Secret requirePresent(String token) throws AbortException {
        if (token == null || token.isBlank()) {
            throw new AbortException("taskToken: no task token given; pass the token the state machine handed the"
                    + " build, e.g. taskToken: params.TASK_TOKEN");
        }
        return Secret.of(token.trim());
    }

    static void requireJson(String field, String json) throws AbortException {
        try {
            JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AbortException(field + ": not valid JSON (" + e.getOriginalMessage() + "); give a JSON document,"
                    + " e.g. writeJSON returnText: true or groovy.json.JsonOutput.toJson(map)");
        }
    }
}
