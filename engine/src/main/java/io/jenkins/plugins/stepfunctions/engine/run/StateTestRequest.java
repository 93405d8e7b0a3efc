package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.asl.State;
import io.jenkins.plugins.stepfunctions.engine.mock.MockedResponse;
import java.util.Map;

/**
 * What the API layer hands the interpreter for one TestState call, already validated.
 *
 * @param roleArn           the role, or null ($$.Execution.RoleArn)
 * @param variables         the workflow variables the state sees
 * @param context           fields that replace those of the context object ($$), or null
 * @param mock              the state's answer instead of a call (Task) or of its iterations (Map,
 *                          Parallel), or null
 * @param retrierRetryCount the retries already made by the retrier that matches the error
 */
public record StateTestRequest(State state, JsonNode input, String roleArn, String region,
                               Map<String, JsonNode> variables, ObjectNode context, MockedResponse mock,
                               int retrierRetryCount) {
}
