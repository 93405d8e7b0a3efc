package io.jenkins.plugins.stepfunctions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.examples.Expectations.ExpectedRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every example without running it: the definition is well formed, the mock config covers its
 * tasks, the expected paths name real states and real test cases, and the team's conventions hold
 * (retries on every task, timeouts on long waits, approvals shaped as the bridge expects).
 */
class ExampleStructureTest {
    static final Path ROOT = Path.of(".");

    static Stream<ExampleFolder> examples() {
        return ExampleFolder.under(ROOT).stream();
    }

    @Test
    void theSixPatternsArePresent() {
        assertThat(ExampleFolder.under(ROOT)).extracting(ExampleFolder::name).containsExactlyInAnyOrder(
                "approval-flow", "blue-green", "canary", "dr-drill", "multi-region-wave", "parallel-verification");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyTransitionTargetsAStateOfItsOwnScopeAndEveryStateIsReachable(ExampleFolder example) {
        List<String> problems = new ArrayList<>();
        checkScope(example.definition(), "", problems);
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void stateNamesAreUniqueAcrossTheWholeMachine(ExampleFolder example) {
        List<String> names = new ArrayList<>();
        StateWalk.names(example.definition(), names);
        assertThat(names).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyTaskRetriesTransientErrorsAndLongTasksHaveATimeout(ExampleFolder example) {
        StateWalk.all(example.definition()).forEach((name, state) -> {
            if (!"Task".equals(state.path("Type").asText())) {
                return;
            }
            assertThat(state.has("Retry") || isCallback(state))
                    .as("%s: a Task retries transient errors", name).isTrue();
            String resource = state.path("Resource").asText();
            if (resource.endsWith(".sync") || isCallback(state)) {
                assertThat(state.has("TimeoutSeconds")).as("%s: a .sync or callback task has TimeoutSeconds", name).isTrue();
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyApprovalFollowsTheApprovalConvention(ExampleFolder example) {
        StateWalk.all(example.definition()).forEach((name, state) -> {
            if (!isCallback(state)) {
                return;
            }
            JsonNode carrier = ApprovalConvention.carrier(state.path("Parameters"));
            assertThat(carrier).as("%s: Parameters hold an object with TaskToken.$ and approval", name).isNotNull();
            assertThat(carrier.path("TaskToken.$").asText()).isEqualTo("$$.Task.Token");
            JsonNode approval = carrier.path("approval");
            for (String field : List.of("message", "submitter", "parameters", "metadata")) {
                assertThat(approval.has(field) || approval.has(field + ".$")).as("%s: approval.%s", name, field).isTrue();
            }
            assertThat(state.has("TimeoutSeconds")).as("%s: an approval expires", name).isTrue();
            assertThat(state.path("Catch").toString()).as("%s: a timed-out approval goes somewhere", name)
                    .contains("States.Timeout");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theMockConfigIsKeyedByTheStateMachineNameAndOnlyMocksTasks(ExampleFolder example) {
        JsonNode mock = example.mockConfig();
        String machine = example.expectations().stateMachineName();
        assertThat(machine).isEqualTo(example.name());
        assertThat(fieldNames(mock.path("StateMachines"))).containsExactly(machine);
        Map<String, JsonNode> states = StateWalk.all(example.definition());
        Set<String> used = new HashSet<>();
        mock.path("StateMachines").path(machine).path("TestCases").fields().forEachRemaining(testCase ->
                testCase.getValue().fields().forEachRemaining(mocked -> {
                    assertThat(states).as("%s mocks an unknown state %s", testCase.getKey(), mocked.getKey())
                            .containsKey(mocked.getKey());
                    assertThat(states.get(mocked.getKey()).path("Type").asText()).isEqualTo("Task");
                    assertThat(mock.path("MockedResponses").has(mocked.getValue().asText()))
                            .as("%s.%s: response %s exists", testCase.getKey(), mocked.getKey(), mocked.getValue().asText())
                            .isTrue();
                    used.add(mocked.getValue().asText());
                }));
        assertThat(used).as("every mocked response is used").containsExactlyInAnyOrderElementsOf(fieldNames(mock.path("MockedResponses")));
        mock.path("MockedResponses").fields().forEachRemaining(response -> response.getValue().fields().forEachRemaining(invocation -> {
            assertThat(invocation.getKey()).as(response.getKey()).matches("\\d+(-\\d+)?");
            assertThat(fieldNames(invocation.getValue())).as(response.getKey()).containsAnyOf("Return", "Throw").hasSize(1);
        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void expectedPathsCoverEveryTestCaseAndNameRealStates(ExampleFolder example) {
        JsonNode testCases = example.mockConfig().path("StateMachines").path(example.name()).path("TestCases");
        Expectations expectations = example.expectations();
        assertThat(expectations.runs()).extracting(ExpectedRun::testCase)
                .containsExactlyInAnyOrderElementsOf(fieldNames(testCases));
        JsonNode definition = example.definition();
        Set<String> topLevel = new HashSet<>(fieldNames(definition.path("States")));
        Map<String, JsonNode> all = StateWalk.all(definition);
        for (ExpectedRun run : expectations.runs()) {
            assertThat(run.status()).isIn("SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED");
            assertThat(run.path()).as(run.testCase()).isNotEmpty().allMatch(topLevel::contains);
            assertThat(run.path().get(0)).isEqualTo(definition.path("StartAt").asText());
            String last = run.path().get(run.path().size() - 1);
            assertThat(all.get(last).path("Type").asText()).as("%s ends in a terminal state", run.testCase())
                    .isIn("Succeed", "Fail");
            assertThat(all.get(last).path("Type").asText()).isEqualTo(run.status().equals("SUCCEEDED") ? "Succeed" : "Fail");
            if (run.error() != null) {
                assertThat(all.get(last).path("Error").asText()).isEqualTo(run.error());
            }
            run.inside().forEach((container, states) -> {
                assertThat(all.get(container).path("Type").asText()).isIn("Parallel", "Map");
                assertThat(all.keySet()).containsAll(states);
            });
            assertThat(all.keySet()).containsAll(run.visits().keySet());
            JsonNode mocked = testCases.path(run.testCase());
            for (Expectations.ApprovalAnswer answer : run.approvals()) {
                assertThat(isCallback(all.get(answer.state()))).as("%s answers a callback task", answer.state()).isTrue();
                assertThat(mocked.has(answer.state())).as("%s: an answered approval must not be mocked", answer.state()).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyTaskIsMockedOrIsAnApprovalThatTheTestCaseAnswers(ExampleFolder example) {
        JsonNode testCases = example.mockConfig().path("StateMachines").path(example.name()).path("TestCases");
        Map<String, JsonNode> all = StateWalk.all(example.definition());
        for (ExpectedRun run : example.expectations().runs()) {
            JsonNode mocked = testCases.path(run.testCase());
            Set<String> reached = new HashSet<>(run.path());
            run.inside().values().forEach(reached::addAll);
            run.visits().forEach((state, count) -> {
                if (count > 0) {
                    reached.add(state);
                }
            });
            Set<String> answered = new HashSet<>();
            run.approvals().forEach(a -> answered.add(a.state()));
            all.forEach((name, state) -> {
                if (!"Task".equals(state.path("Type").asText()) || mocked.has(name)) {
                    return;
                }
                assertThat(isCallback(state)).as("%s: task %s is not mocked (only an approval may wait for an answer)",
                        run.testCase(), name).isTrue();
                if (reached.contains(name)) {
                    assertThat(answered).as("%s: approval %s is reached but not answered", run.testCase(), name).contains(name);
                }
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theInputCarriesTheBuildMetadataAsTheBridgeWritesIt(ExampleFolder example) {
        JsonNode build = example.input().path("build");
        for (String field : List.of("job", "number", "url", "gitCommit", "gitBranch")) {
            assertThat(build.path(field).isTextual()).as("build.%s is a string", field).isTrue();
        }
    }

    static boolean isCallback(JsonNode state) {
        return state.path("Resource").asText().endsWith(".waitForTaskToken");
    }

    private static void checkScope(JsonNode scope, String where, List<String> problems) {
        JsonNode states = scope.path("States");
        Set<String> names = new HashSet<>(fieldNames(states));
        String start = scope.path("StartAt").asText();
        if (!names.contains(start)) {
            problems.add(where + "/StartAt: no state named " + start);
        }
        Map<String, List<String>> edges = new HashMap<>();
        states.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode state = entry.getValue();
            String type = state.path("Type").asText();
            List<String> targets = new ArrayList<>();
            if (state.has("Next")) {
                targets.add(state.path("Next").asText());
            }
            if (state.has("Default")) {
                targets.add(state.path("Default").asText());
            }
            state.path("Choices").forEach(rule -> targets.add(rule.path("Next").asText()));
            state.path("Catch").forEach(catcher -> targets.add(catcher.path("Next").asText()));
            for (String target : targets) {
                if (!names.contains(target)) {
                    problems.add(where + "/States/" + name + ": transition to unknown state " + target);
                }
            }
            boolean terminal = state.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail");
            if (!terminal && !type.equals("Choice") && !state.has("Next")) {
                problems.add(where + "/States/" + name + ": neither Next nor End");
            }
            if (state.has("Next") && state.path("End").asBoolean(false)) {
                problems.add(where + "/States/" + name + ": both Next and End");
            }
            edges.put(name, targets);
            int i = 0;
            for (JsonNode branch : state.path("Branches")) {
                checkScope(branch, where + "/States/" + name + "/Branches/" + i++, problems);
            }
            if (state.has("ItemProcessor")) {
                checkScope(state.path("ItemProcessor"), where + "/States/" + name + "/ItemProcessor", problems);
            }
        });
        Set<String> reached = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(start));
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            if (reached.add(name)) {
                todo.addAll(edges.getOrDefault(name, List.of()));
            }
        }
        names.stream().filter(n -> !reached.contains(n)).sorted()
                .forEach(n -> problems.add(where + "/States/" + n + ": unreachable from " + start));
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
