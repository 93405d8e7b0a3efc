package io.jenkins.plugins.stepfunctions.engine.run;

import io.jenkins.plugins.stepfunctions.engine.asl.StateMachineDefinition;

/**
 * What the API layer hands the interpreter to start one execution. Names and ARNs are already
 * validated and unique; {@code input} is the raw JSON text the caller sent ("{}" when absent).
 *
 * @param type      {@code STANDARD} or {@code EXPRESS}
 * @param testCase  the MockConfigFile test case (from {@code stateMachineArn#TestCase}), or null
 * @param traceHeader X-Ray trace header, or null
 */
public record StartRequest(String executionArn, String name, String stateMachineArn,
                           String stateMachineName, String roleArn, StateMachineDefinition definition,
                           String input, String type, String testCase, String traceHeader) {
}
