package io.jenkins.plugins.stepfunctions.engine.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * AWS Step Functions Local's MockConfigFile: {@code StateMachines.<name>.TestCases.<case>.<state>}
 * names a response set in {@code MockedResponses}, whose keys are invocation indexes ({@code "0"})
 * or ranges ({@code "1-3"}), each holding {@code {"Return": ...}} or {@code {"Throw": {"Error", "Cause"}}}.
 */
public final class MockConfig {
    private final JsonNode root;

    public MockConfig(JsonNode root) {
        this.root = root;
    }

    /** Whether the test case exists for the state machine (so a missing state mock is a user error). */
    public boolean hasTestCase(String stateMachineName, String testCase) {
        return root != null && root.path("StateMachines").path(stateMachineName).path("TestCases").has(testCase);
    }

    /**
     * The response for the {@code invocation}-th call (0-based) of {@code state}, or empty when the
     * state is not mocked in this test case. Past the last listed index the last response repeats.
     */
    public Optional<MockedResponse> response(String stateMachineName, String testCase, String state, int invocation) {
        if (root == null || testCase == null) {
            return Optional.empty();
        }
        JsonNode ref = root.path("StateMachines").path(stateMachineName).path("TestCases").path(testCase).get(state);
        if (ref == null || !ref.isTextual()) {
            return Optional.empty();
        }
        JsonNode responses = root.path("MockedResponses").get(ref.asText());
        if (responses == null || !responses.isObject()) {
            return Optional.of(new MockedResponse.Throw("States.Runtime", "The MockConfigFile maps state '" + state
                    + "' to MockedResponses." + ref.asText() + ", which does not exist: add it under MockedResponses."));
        }
        JsonNode chosen = null;
        int bestEnd = -1;
        JsonNode lastListed = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int[] range = range(e.getKey());
            if (range == null) {
                continue;
            }
            if (invocation >= range[0] && invocation <= range[1]) {
                chosen = e.getValue();
                break;
            }
            if (range[1] > bestEnd) {
                bestEnd = range[1];
                lastListed = e.getValue();
            }
        }
        if (chosen == null) {
            chosen = lastListed;
        }
        if (chosen == null) {
            return Optional.empty();
        }
        if (chosen.has("Throw")) {
            JsonNode t = chosen.get("Throw");
            return Optional.of(new MockedResponse.Throw(t.path("Error").asText("States.TaskFailed"),
                    t.has("Cause") ? t.get("Cause").asText() : null));
        }
        return Optional.of(new MockedResponse.Return(chosen.get("Return")));
    }

    private static int[] range(String key) {
        try {
            int dash = key.indexOf('-');
            if (dash < 0) {
                int i = Integer.parseInt(key.trim());
                return new int[] {i, i};
            }
            return new int[] {Integer.parseInt(key.substring(0, dash).trim()),
                    Integer.parseInt(key.substring(dash + 1).trim())};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
