package io.jenkins.plugins.stepfunctions.engine.mock;

import com.fasterxml.jackson.databind.JsonNode;

/** One mocked answer of a service integration: a {@code Return} value or a {@code Throw} error. */
public sealed interface MockedResponse {
    record Return(JsonNode value) implements MockedResponse {
    }

    record Throw(String error, String cause) implements MockedResponse {
    }
}
