package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What a JSONata expression can see: {@code $states} (an object with {@code input}, {@code context},
 * and, where AWS defines them, {@code result} and {@code errorOutput}) and the variables in scope.
 */
public record JsonataScope(JsonNode states, Map<String, JsonNode> variables) {
}
