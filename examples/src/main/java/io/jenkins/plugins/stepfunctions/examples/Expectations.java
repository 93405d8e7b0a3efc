package io.jenkins.plugins.stepfunctions.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each test case of an example's mock config must do ({@code expected-paths.json}): the state machine
 * name the mock config is keyed by, and one {@link ExpectedRun} per test case, in file order.
 */
public record Expectations(String stateMachineName, List<ExpectedRun> runs) {

    /**
     * @param path      the top-level states entered, in order
     * @param inside    for a Parallel or Map state that runs its work one item at a time, the states entered
     *                  inside it, in order
     * @param visits    how many times a state (at any depth) is entered; for work that runs concurrently,
     *                  where the order is not fixed
     * @param approvals the approval tasks to answer, in order (they are not mocked in the test case)
     */
    public record ExpectedRun(String testCase, String description, String status, String error, List<String> path,
                              Map<String, List<String>> inside, Map<String, Integer> visits,
                              List<ApprovalAnswer> approvals) {
    }

    /** How to answer one approval task: approve (SendTaskSuccess) or reject (SendTaskFailure). */
    public record ApprovalAnswer(String state, boolean approve, String approver, String comment) {
    }

    public static Expectations from(JsonNode json) {
        List<ExpectedRun> runs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("testCases").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode run = entry.getValue();
            Map<String, List<String>> inside = new LinkedHashMap<>();
            run.path("inside").fields().forEachRemaining(e -> inside.put(e.getKey(), texts(e.getValue())));
            Map<String, Integer> visits = new LinkedHashMap<>();
            run.path("visits").fields().forEachRemaining(e -> visits.put(e.getKey(), e.getValue().asInt()));
            List<ApprovalAnswer> approvals = new ArrayList<>();
            for (JsonNode a : run.path("approvals")) {
                approvals.add(new ApprovalAnswer(a.path("state").asText(), "approve".equals(a.path("answer").asText()),
                        a.path("approver").asText(), a.path("comment").asText()));
            }
            runs.add(new ExpectedRun(entry.getKey(), run.path("description").asText(), run.path("status").asText(),
                    run.path("error").asText(null), texts(run.path("path")), inside, visits, approvals));
        }
        return new Expectations(json.path("stateMachineName").asText(), List.copyOf(runs));
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
