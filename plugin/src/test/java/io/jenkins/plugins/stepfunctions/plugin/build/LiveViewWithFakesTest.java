package io.jenkins.plugins.stepfunctions.plugin.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.springframework.security.access.AccessDeniedException;

/**
 * The build page's live view: its data endpoint called as Stapler would call it (proxy requests and responses,
 * see {@link HttpFakes}) and {@code reportFile:} written by the Pipeline steps (the freestyle step's in FreestyleBuilderWithFakesTest), with fakes of
 * StepContext, TaskListener and Run, the real bridge and the embedded engine. Left to Jenkins: routing, the
 * ACL behind {@code checkPermission} (the fake run's switch stands for it), rendering index.jelly (the it module
 * opens it in a browser).
 */
class LiveViewWithFakesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @TempDir
    Path dir;

    private Engine engine;
    private FakeJenkinsServices services;
    private FakeRun run;
    private FakeStepContext context;

    @BeforeEach
    void start() throws Exception {
        engine = new Engine();
        services = new FakeJenkinsServices(dir.resolve("workspace"));
        run = new FakeRun(dir.resolve("build").toFile());
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

    private StepFunctionsRunAction deployed(SfnExecuteStep step) throws Exception {
        step.setInput("{\"version\":\"1.4.2\"}");
        step.start(context).start();
        context.result().get(30, TimeUnit.SECONDS);
        return run.getAction(StepFunctionsRunAction.class);
    }

    private static HttpFakes.Recorded get(StepFunctionsRunAction action, String method, Map<String, String> query)
            throws Exception {
        HttpFakes.Recorded recorded = new HttpFakes.Recorded();
        action.doViewData(HttpFakes.request(StaplerRequest2.class, method, "/viewData", query),
                HttpFakes.response(StaplerResponse2.class, recorded));
        return recorded;
    }

    @Test
    void viewDataIsTheReplayedViewAsJsonDrawnFromTheDefinitionKeptWhenFollowingBegan() throws Exception {
        StepFunctionsRunAction action = deployed(new SfnExecuteStep(machine("deploy-ok")));
        ExecutionRecord record = action.getExecutions().get(0);

        HttpFakes.Recorded answer = get(action, "GET", Map.of("execution", "1"));

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.headers.get("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(answer.headers.get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(action.hasDefinition(record)).as("definition kept beside the history").isTrue();
        JsonNode view = JSON.readTree(answer.text());
        assertThat(view.path("execution").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(view.path("graph").path("nodes").findValuesAsText("name"))
                .containsExactly("Prepare", "WaitForRollout", "Verify");
        for (String state : new String[] {"Prepare", "WaitForRollout", "Verify"}) {
            assertThat(view.path("states").path(state).path("status").asText()).as(state).isEqualTo("SUCCEEDED");
        }
        assertThat(view.path("lastEventId").asLong()).isEqualTo(view.path("eventCount").asLong()).isGreaterThan(5);
    }

    @Test
    void aPageThatHasTheCursorGetsUnchangedAndOneThatLagsGetsTheView() throws Exception {
        StepFunctionsRunAction action = deployed(new SfnExecuteStep(machine("deploy-ok")));
        JsonNode view = JSON.readTree(get(action, "GET", Map.of("execution", "1")).text());
        long last = view.path("lastEventId").asLong();
        String cursor = view.path("cursor").asText();

        assertThat(cursor).startsWith(last + ".");
        assertThat(get(action, "GET", Map.of("execution", "1", "since", cursor)).text())
                .isEqualTo("{\"unchanged\":true}");
        assertThat(JSON.readTree(get(action, "GET", Map.of("execution", "1", "since", String.valueOf(last - 1))).text())
                .path("lastEventId").asLong()).isEqualTo(last);
    }

    @Test
    void onceTheBuildStopsFollowingTheExecutionTheDataIsFinalAndSaysUpToWhen() throws Exception {
        long before = System.currentTimeMillis();
        StepFunctionsRunAction action = deployed(new SfnExecuteStep(machine("deploy-ok")));

        JsonNode view = JSON.readTree(get(action, "GET", Map.of("execution", "1")).text());

        assertThat(run.isBuilding()).as("the build itself still runs").isTrue();
        assertThat(view.path("final").path("reason").asText()).isEqualTo("the build stopped following it");
        assertThat(view.path("final").path("historyUntil").asLong()).isBetween(before, System.currentTimeMillis());
        assertThat(view.has("answers")).isFalse();
    }

    @Test
    void anExecutionTheBuildDoesNotFollowIsPolledWhileTheBuildRunsAndFinalOnceTheBuildEnds() throws Exception {
        // as sfnStart leaves it: recorded, not followed (an sfnAwait may follow it later in the build)
        StepFunctionsRunAction action = StepFunctionsRunAction.of(run, services);
        action.record("arn:aws:states:us-east-1:123456789012:execution:deploy:started-1", "https://console");

        JsonNode running = JSON.readTree(get(action, "GET", Map.of("execution", "1")).text());
        run.building(false);
        JsonNode ended = JSON.readTree(get(action, "GET", Map.of("execution", "1", "since",
                running.path("cursor").asText())).text());

        assertThat(running.has("final")).isFalse();
        assertThat(running.path("cursor").asText()).isEqualTo("0");
        assertThat(ended.path("final").path("reason").asText()).as("a new cursor: a full answer, not unchanged")
                .isEqualTo("the build has finished");
        assertThat(ended.path("cursor").asText()).startsWith("0.");
    }

    @Test
    void aPendingApprovalIsOfferedToASubmitterAndToAnyoneElseWithTheReasonTheyMayNotAnswer() throws Exception {
        engine.stateMachine("approval");
        SfnExecuteStep step = new SfnExecuteStep("approval");
        step.setApprovals("page");
        step.start(context).start();
        Eventually.until("the approval is pending", () -> run.getAction(StepFunctionsRunAction.class) != null
                && !run.getAction(StepFunctionsRunAction.class).getExecutions().isEmpty()
                && !run.getAction(StepFunctionsRunAction.class).getExecutions().get(0).getPendingApprovals().isEmpty());
        StepFunctionsRunAction action = run.getAction(StepFunctionsRunAction.class);
        ExecutionRecord record = action.getExecutions().get(0);
        ApprovalView approval = record.getPendingApprovals().get(0);

        services.actingAs("alice");
        JsonNode asAlice = JSON.readTree(get(action, "GET", Map.of("execution", "1")).text());
        services.actingAs("bob");
        JsonNode asBob = JSON.readTree(get(action, "GET", Map.of("execution", "1", "since",
                asAlice.path("cursor").asText())).text());

        long scheduled = asAlice.path("states").path("Approve").path("approval").path("scheduledEventId").asLong();
        assertThat(scheduled).isEqualTo(approval.getScheduledEventId()).isPositive();
        JsonNode offer = asAlice.path("answers").path(String.valueOf(scheduled));
        assertThat(offer.path("allowed").asBoolean()).isTrue();
        assertThat(offer.path("approval").asText()).isEqualTo(approval.getId());
        assertThat(offer.path("execution").asText()).isEqualTo(record.getExecutionArn());
        assertThat(offer.has("refusal")).isFalse();
        assertThat(asAlice.has("final")).isFalse();
        JsonNode refused = asBob.path("answers").path(String.valueOf(scheduled));
        assertThat(refused.path("allowed").asBoolean()).as("bob's poll is a full answer: his cursor differs").isFalse();
        assertThat(refused.path("refusal").asText()).isEqualTo("bob may not answer this approval; allowed: alice.");

        services.actingAs("alice");
        assertThat(action.decide(record.getExecutionArn(), approval.getId(), true, "", null).httpStatus()).isEqualTo(303);
        context.result().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aUserWhoMayNotReadTheBuildIsRefusedBeforeAnythingIsRead() throws Exception {
        StepFunctionsRunAction action = deployed(new SfnExecuteStep(machine("deploy-ok")));
        run.mayRead(false);

        HttpFakes.Recorded answer = new HttpFakes.Recorded();
        assertThatThrownBy(() -> action.doViewData(HttpFakes.request(StaplerRequest2.class, "GET", "/viewData",
                Map.of("execution", "1")), HttpFakes.response(StaplerResponse2.class, answer)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(answer.body.size()).isZero();
        assertThatThrownBy(() -> action.doHistory(HttpFakes.request(StaplerRequest2.class, "GET", "/history",
                Map.of("execution", "1")), HttpFakes.response(StaplerResponse2.class, answer)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void viewDataAnswersGetOnlyAndNamesAMissingExecution() throws Exception {
        StepFunctionsRunAction action = deployed(new SfnExecuteStep(machine("deploy-ok")));

        HttpFakes.Recorded posted = get(action, "POST", Map.of("execution", "1"));
        HttpFakes.Recorded missing = get(action, "GET", Map.of("execution", "9"));

        assertThat(posted.status).isEqualTo(405);
        assertThat(posted.headers.get("Allow")).isEqualTo("GET");
        assertThat(posted.body.size()).isZero();
        assertThat(missing.status).isEqualTo(404);
        assertThat(missing.error).isEqualTo("no such execution in this build");
    }

    @Test
    void aStateNamedLikeMarkupReachesThePageOnlyInsideEscapedJsonStrings() throws Exception {
        StepFunctionsRunAction action = deployed(new SfnExecuteStep(hostileMachine()));

        String text = get(action, "GET", Map.of("execution", "1")).text();

        assertThat(text).doesNotContain("<", ">").contains("\\u003cimg src=x onerror=alert(1)\\u003e");
        assertThat(JSON.readTree(text).path("states").path(HOSTILE).path("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void reportFileWritesTheSelfContainedReportIntoTheWorkspaceWhenTheExecutionEnds() throws Exception {
        SfnExecuteStep step = new SfnExecuteStep(hostileMachine());
        step.setReportFile("reports/deploy.html");

        deployed(step);

        String html = Files.readString(dir.resolve("workspace/reports/deploy.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("default-src 'none'", "id=\"sfn-view-data\"",
                "id=\"sfn-view-history\"", "ExecutionSucceeded", "\\u003cimg src=x onerror=alert(1)\\u003e");
        assertThat(html).as("the state name never as markup").doesNotContain(HOSTILE);
    }

    private String machine(String name) {
        engine.stateMachine(name);
        return name;
    }

    private String hostileMachine() {
        engine.stateMachine("hostile", """
                {"StartAt": "%1$s", "States": {"%1$s": {"Type": "Pass", "Next": "Done"},
                 "Done": {"Type": "Succeed"}}}""".formatted(HOSTILE));
        return "hostile";
    }
}
