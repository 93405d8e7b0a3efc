package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What a JSONPath-language expression can see: the state's effective input ({@code $}), the context
 * object ({@code $$}) and the variables in scope ({@code $name}).
 */
public record PathScope(JsonNode input, JsonNode context, Map<String, JsonNode> variables) {
}
