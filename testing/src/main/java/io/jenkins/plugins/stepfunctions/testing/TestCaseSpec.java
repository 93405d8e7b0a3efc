package io.jenkins.plugins.stepfunctions.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One test case of a test file ({@code testCases.<name>}); see docs/testing.md for each field.
 *
 * @param mockTestCase  the mock config test case to run ({@code stateMachineArn#TestCase}); null when the
 *                      suite has no mock config
 * @param input         the execution input (JSON text)
 * @param status        the expected execution status
 * @param error         expected error name, or null (not checked)
 * @param cause         expected cause (exact), or null
 * @param causeContains a text the cause must contain, or null
 * @param path          the top-level states entered, in order; null when not checked
 * @param inside        per Parallel or Map state: the states entered inside it, in order
 * @param visits        per state (any depth): how many times it is entered
 * @param output        a JSON value the output must contain (objects: these fields at least, recursively)
 * @param outputPaths   per JSONPath into the output: the value expected there (exact JSON)
 * @param approvals     the approvals to answer, in order
 */
public record TestCaseSpec(String name, String description, String mockTestCase, String input, String status,
                           String error, String cause, String causeContains, List<String> path,
                           Map<String, List<String>> inside, Map<String, Integer> visits, JsonNode output,
                           Map<String, JsonNode> outputPaths, List<Approval> approvals) {

    /** One approval to answer: approve (SendTaskSuccess) or reject (SendTaskFailure), as the bridge does. */
    public record Approval(String state, boolean approve, String approver, String comment) {
    }
}
