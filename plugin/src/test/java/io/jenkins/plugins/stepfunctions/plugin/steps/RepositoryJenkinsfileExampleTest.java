package io.jenkins.plugins.stepfunctions.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.EnvVars;
import io.jenkins.plugins.stepfunctions.plugin.build.StepFunctionsRunAction;
import io.jenkins.plugins.stepfunctions.plugin.connect.StepFunctionsSettings;
import io.jenkins.plugins.stepfunctions.plugin.fakes.Engine;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeJenkinsServices;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeRun;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeStepContext;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeTaskListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment stage of the repository's own Jenkinsfile, step for step, with fakes of StepContext,
 * TaskListener and Run: {@code withStepFunctions(endpoint:, region:)} with no credential (a loopback endpoint
 * gets dummy keys), {@code sfnExecute} of {@code examples/blue-green} on its {@code #HappyPath} test case with
 * the example's input file and a history file. The Groovy around the steps (sh, readFile, curl) is not run.
 */
class RepositoryJenkinsfileExampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = Path.of("..", "examples", "blue-green");

    @TempDir
    Path workspace;

    @Test
    void theBlueGreenExampleRunsToItsExpectedPathLikeTheJenkinsfileRunsIt() throws Exception {
        Files.createDirectories(workspace.resolve("examples/blue-green"));
        Files.copy(EXAMPLE.resolve("input.json"), workspace.resolve("examples/blue-green/input.json"));
        JsonNode expected = JSON.readTree(EXAMPLE.resolve("expected-paths.json").toFile()).path("testCases").path("HappyPath");
        try (Engine engine = new Engine(JSON.readTree(EXAMPLE.resolve("mock-config.json").toFile()));
                FakeJenkinsServices services = new FakeJenkinsServices(workspace)) {
            engine.stateMachine("blue-green", Files.readString(EXAMPLE.resolve("statemachine.asl.json")));
            FakeRun run = new FakeRun(workspace.resolve("build").toFile());
            FakeTaskListener log = new FakeTaskListener();
            EnvVars env = new EnvVars();
            env.put("JOB_NAME", "aws-step-functions");
            env.put("BUILD_NUMBER", "12");
            FakeStepContext context = new FakeStepContext().with(services).with(log).with(run).with(env)
                    .with(new StepFunctionsSettings("us-east-1", null, null, null, engine.endpoint()));
            SfnExecuteStep step = new SfnExecuteStep("arn:aws:states:us-east-1:123456789012:stateMachine:blue-green#HappyPath");
            step.setInputFile("examples/blue-green/input.json");
            step.setHistoryFile("blue-green-history.json");

            StepExecution execution = step.start(context);
            assertThat(execution.start()).isFalse();
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) context.result().get(60, TimeUnit.SECONDS);

            assertThat(result).containsEntry("status", expected.path("status").asText());
            List<String> entered = new ArrayList<>();
            for (JsonNode event : JSON.readTree(workspace.resolve("blue-green-history.json").toFile()).path("events")) {
                if (event.path("type").asText().endsWith("StateEntered")) {
                    entered.add(event.path("stateEnteredEventDetails").path("name").asText());
                }
            }
            List<String> path = new ArrayList<>();
            expected.path("path").forEach(state -> path.add(state.asText()));
            assertThat(entered).isEqualTo(path);
            assertThat(run.getAction(StepFunctionsRunAction.class).getExecutions().get(0).getStatus())
                    .isEqualTo("SUCCEEDED");
            assertThat(log.text()).contains("Summary: SUCCEEDED");
        }
    }
}
