package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Where a redrive resumes one lane: the state that did not finish, its input, the lane's variables
 * then, and, when that state is a Map or Parallel, the attempt whose succeeded iterations or branches
 * keep their output instead of running again.
 */
record RedrivePoint(String state, JsonNode input, Branching prior, Map<String, JsonNode> variables) {
}
