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
    private FakeTaskListener log;

    @BeforeEach
    void start() throws Exception {
        engine = new Engine();
        services = new FakeJenkinsServices(dir);
        run = new FakeRun(dir.toFile());
        EnvVars env = new EnvVars();
        env.put("JOB_NAME", "deploy");
        env.put("BUILD_NUMBER", "5");
        log = new FakeTaskListener();
        context = new FakeStepContext().with(services).with(log).with(run).with(env)
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

    /** Approve or Reject as the live view posts it: the same endpoint, answered as JSON. */
    private static HttpFakes.Recorded fromTheView(StepFunctionsRunAction action, boolean approve, ExecutionRecord record,
                                                  String comment) throws Exception {
        HttpFakes.Recorded recorded = new HttpFakes.Recorded();
        StaplerRequest2 request = HttpFakes.request(StaplerRequest2.class, "POST", approve ? "/approve" : "/reject", Map.of(
                "execution", record.getExecutionArn(),
                "approval", record.getPendingApprovals().get(0).getId(),
                "comment", comment), Map.of("Accept", "application/json"));
        if (approve) {
            action.doApprove(request, HttpFakes.response(StaplerResponse2.class, recorded));
        } else {
            action.doReject(request, HttpFakes.response(StaplerResponse2.class, recorded));
        }
        return recorded;
    }

    private ExecutionRecord pendingApproval() throws Exception {
        engine.stateMachine("approval");
        SfnExecuteStep step = new SfnExecuteStep("approval");
        step.setApprovals("page");
        step.start(context).start();
        Eventually.until("the approval is pending", () -> run.getAction(StepFunctionsRunAction.class) != null
                && !run.getAction(StepFunctionsRunAction.class).getExecutions().isEmpty()
                && !run.getAction(StepFunctionsRunAction.class).getExecutions().get(0).getPendingApprovals().isEmpty());
        return run.getAction(StepFunctionsRunAction.class).getExecutions().get(0);
    }

    @Test
    void anApprovalFromTheLiveViewIsAnsweredAsJsonAndTheBuildLogNamesWhoApprovedOnThePage() throws Exception {
        ExecutionRecord record = pendingApproval();
        StepFunctionsRunAction action = run.getAction(StepFunctionsRunAction.class);
        services.actingAs("alice");

        HttpFakes.Recorded approved = fromTheView(action, true, record, "from the view");

        assertThat(approved.status).isEqualTo(200);
        assertThat(approved.redirect).as("the view stays where it is").isNull();
        assertThat(approved.headers.get("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        JsonNode json = JSON.readTree(approved.text());
        assertThat(json.path("answered").asText()).isEqualTo("approved");
        assertThat(json.path("message").asText()).isEqualTo("Approved.");
        @SuppressWarnings("unchecked")
        Map<String, Object> output = (Map<String, Object>) ((Map<String, Object>) context.result()
                .get(30, TimeUnit.SECONDS)).get("output");
        assertThat(output.get("approval")).isEqualTo(Map.of("approved", true, "approver", "alice",
                "comment", "from the view", "parameters", Map.of()));
        assertThat(log.text()).contains("Approved by alice on the build page: SendTaskSuccess sent to Step Functions");
    }

    @Test
    void anAnswerFromTheLiveViewByAUserOutsideTheSubmittersIsRefusedWith403AndNothingIsSent() throws Exception {
        ExecutionRecord record = pendingApproval();
        StepFunctionsRunAction action = run.getAction(StepFunctionsRunAction.class);
        services.actingAs("bob");

        HttpFakes.Recorded approve = fromTheView(action, true, record, "");
        HttpFakes.Recorded reject = fromTheView(action, false, record, "");

        for (HttpFakes.Recorded refused : new HttpFakes.Recorded[] {approve, reject}) {
            assertThat(refused.status).isEqualTo(403);
            assertThat(JSON.readTree(refused.text()).path("message").asText())
                    .isEqualTo("bob may not answer this approval; allowed: alice.");
            assertThat(JSON.readTree(refused.text()).has("answered")).isFalse();
        }
        assertThat(engine.status(record.getExecutionArn())).isEqualTo("RUNNING");
        assertThat(record.getPendingApprovals()).as("still open for alice").hasSize(1);
        assertThat(log.text()).doesNotContain("on the build page: Send");

        services.actingAs("alice");
        HttpFakes.Recorded rejected = fromTheView(action, false, record, "not today");
        assertThat(rejected.status).isEqualTo(200);
        assertThat(JSON.readTree(rejected.text()).path("answered").asText()).isEqualTo("rejected");
        assertThat(log.text()).contains("Rejected by alice on the build page: SendTaskFailure Approval.Rejected sent");
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
