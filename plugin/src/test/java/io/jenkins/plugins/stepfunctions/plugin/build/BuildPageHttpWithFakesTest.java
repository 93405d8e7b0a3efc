package io.jenkins.plugins.stepfunctions.plugin.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.EnvVars;
import io.jenkins.plugins.stepfunctions.plugin.connect.StepFunctionsSettings;
import io.jenkins.plugins.stepfunctions.plugin.fakes.Engine;
import io.jenkins.plugins.stepfunctions.plugin.fakes.Eventually;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeJenkinsServices;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeRun;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeStepContext;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeTaskListener;
import io.jenkins.plugins.stepfunctions.plugin.fakes.HttpFakes;
import io.jenkins.plugins.stepfunctions.plugin.steps.SfnExecuteStep;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The build page's web methods called as Stapler would call them, with proxy requests and responses (see
 * {@link HttpFakes}); fakes of StepContext, TaskListener and Run; the real bridge and engine. Left to Jenkins:
 * {@code @RequirePOST}, the CSRF crumb, routing, and rendering the Jelly views.
 */
class BuildPageHttpWithFakesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Engine engine;
    private FakeJenkinsServices services;
    private FakeRun run;
    private FakeStepContext context;

    @BeforeEach
    void start() throws Exception {
        engine = new Engine();
        services = new FakeJenkinsServices(dir);
        run = new FakeRun(dir.toFile());
        EnvVars env = new EnvVars();
        env.put("JOB_NAME", "deploy");
        env.put("BUILD_NUMBER", "5");
        context = new FakeStepContext().with(services).with(new FakeTaskListener()).with(run).with(env)
                .with(new StepFunctionsSettings("us-east-1", FakeJenkinsServices.CREDENTIALS_ID, null, null,
                        engine.endpoint()));
    }

    @AfterEach
    void stop() {
        services.close();
        engine.close();
    }

    @Test
    void approvePostsTheDecisionAndRedirectsBackToThePageThenHistoryDownloadsAsJson() throws Exception {
        engine.stateMachine("approval");
        new SfnExecuteStep("approval").start(context).start();
        Eventually.until("the approval is pending", () -> run.getAction(StepFunctionsRunAction.class) != null
                && !run.getAction(StepFunctionsRunAction.class).getExecutions().isEmpty()
                && !run.getAction(StepFunctionsRunAction.class).getExecutions().get(0).getPendingApprovals().isEmpty());
        StepFunctionsRunAction action = run.getAction(StepFunctionsRunAction.class);
        ExecutionRecord record = action.getExecutions().get(0);
        services.actingAs("alice");

        HttpFakes.Recorded approved = new HttpFakes.Recorded();
        action.doApprove(HttpFakes.request(StaplerRequest2.class, "POST", "/approve", Map.of(
                "execution", record.getExecutionArn(),
                "approval", record.getPendingApprovals().get(0).getId(),
                "comment", "ship it",
                "parameters", "{\"trafficPercent\": 25}")), HttpFakes.response(StaplerResponse2.class, approved));

        assertThat(approved.redirect).isEqualTo(".");
        @SuppressWarnings("unchecked")
        Map<String, Object> output = (Map<String, Object>) ((Map<String, Object>) context.result()
                .get(30, TimeUnit.SECONDS)).get("output");
        assertThat(output.get("approval")).isEqualTo(Map.of("approved", true, "approver", "alice", "comment", "ship it",
                "parameters", Map.of("trafficPercent", 25)));

        HttpFakes.Recorded history = new HttpFakes.Recorded();
        action.doHistory(HttpFakes.request(StaplerRequest2.class, "GET", "/history", Map.of("execution", "1")),
                HttpFakes.response(StaplerResponse2.class, history));
        assertThat(history.headers.get("Content-Type")).startsWith("application/json");
        assertThat(history.headers.get("Content-Disposition")).contains(record.getName() + "-history.json");
        JsonNode json = JSON.readTree(history.text());
        assertThat(json.path("executionArn").asText()).isEqualTo(record.getExecutionArn());
        assertThat(json.path("events").get(json.path("events").size() - 1).path("type").asText())
                .isEqualTo("ExecutionSucceeded");
    }

    @Test
    void badParametersAndUnknownExecutionsGetAnErrorNamingTheProblem() throws Exception {
        engine.stateMachine("approval");
        new SfnExecuteStep("approval").start(context).start();
        Eventually.until("the approval is pending", () -> run.getAction(StepFunctionsRunAction.class) != null
                && !run.getAction(StepFunctionsRunAction.class).getExecutions().isEmpty()
                && !run.getAction(StepFunctionsRunAction.class).getExecutions().get(0).getPendingApprovals().isEmpty());
        StepFunctionsRunAction action = run.getAction(StepFunctionsRunAction.class);
        ExecutionRecord record = action.getExecutions().get(0);
        services.actingAs("alice");

        HttpFakes.Recorded bad = new HttpFakes.Recorded();
        action.doApprove(HttpFakes.request(StaplerRequest2.class, "POST", "/approve", Map.of(
                "execution", record.getExecutionArn(),
                "approval", record.getPendingApprovals().get(0).getId(),
                "parameters", "{not json")), HttpFakes.response(StaplerResponse2.class, bad));
        assertThat(bad.status).isEqualTo(400);
        assertThat(bad.error).startsWith("parameters: not valid JSON");
        assertThat(record.getPendingApprovals()).as("nothing was sent").hasSize(1);

        HttpFakes.Recorded missing = new HttpFakes.Recorded();
        action.doHistory(HttpFakes.request(StaplerRequest2.class, "GET", "/history", Map.of("execution", "7")),
                HttpFakes.response(StaplerResponse2.class, missing));
        assertThat(missing.status).isEqualTo(404);
    }
}
