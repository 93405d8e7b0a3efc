package io.jenkins.plugins.stepfunctions.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.AbortException;
import hudson.EnvVars;
import io.jenkins.plugins.stepfunctions.plugin.build.ApprovalView;
import io.jenkins.plugins.stepfunctions.plugin.build.ExecutionRecord;
import io.jenkins.plugins.stepfunctions.plugin.build.StepFunctionsRunAction;
import io.jenkins.plugins.stepfunctions.plugin.connect.StepFunctionsSettings;
import io.jenkins.plugins.stepfunctions.plugin.fakes.Engine;
import io.jenkins.plugins.stepfunctions.plugin.fakes.Eventually;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeFlowNode;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeJenkinsServices;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeRun;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeStepContext;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeTaskListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Pipeline steps against fakes of Jenkins' StepContext, TaskListener and Run (see their class comments for
 * what they leave out), the real bridge and the embedded engine over HTTP through the AWS SDK. What only a real
 * Jenkins proves (CPS VM threading, program.dat written by River, the Snippet Generator) is not covered here.
 */
class PipelineStepsWithFakesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Engine engine;
    private FakeJenkinsServices services;
    private FakeTaskListener log;
    private FakeRun run;

    @BeforeEach
    void start() throws IOException {
        engine = new Engine();
        services = new FakeJenkinsServices(dir.resolve("workspace"));
        log = new FakeTaskListener();
        run = new FakeRun(dir.resolve("build").toFile());
    }

    @AfterEach
    void stop() {
        services.close();
        engine.close();
    }

    private FakeStepContext context() {
        return context(services, log);
    }

    private FakeStepContext context(FakeJenkinsServices jenkins, FakeTaskListener listener) {
        EnvVars env = new EnvVars();
        env.put("JOB_NAME", "shop/deploy");
        env.put("BUILD_NUMBER", "1");
        env.put("BUILD_URL", "http://jenkins.example/job/shop/job/deploy/1/");
        env.put("BUILD_TAG", "jenkins-shop-deploy-1");
        return new FakeStepContext().with(jenkins).with(listener).with(run).with(env)
                .with(new StepFunctionsSettings("us-east-1", FakeJenkinsServices.CREDENTIALS_ID, null, null,
                        engine.endpoint()));
    }

    private static Object run(StepExecution execution, FakeStepContext context) throws Exception {
        assertThat(execution.start()).as("steps never complete on the calling (Pipeline VM) thread").isFalse();
        try {
            return context.result().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private StepFunctionsRunAction action() {
        return run.getAction(StepFunctionsRunAction.class);
    }

    @Test
    void sfnExecuteFollowsTheExecutionToSuccessAndReturnsTheResultMap() throws Exception {
        engine.stateMachine("deploy-ok");
        SfnExecuteStep step = new SfnExecuteStep("deploy-ok");
        step.setInput("{\"version\":\"1.4.2\"}");
        FakeStepContext context = context();

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) run(step.start(context), context);

        assertThat(result).containsEntry("status", "SUCCEEDED").containsEntry("error", null);
        assertThat(result.get("output")).isEqualTo(Map.of("deployed", "1.4.2", "healthy", true));
        assertThat((String) result.get("executionArn")).contains(":execution:deploy-ok:shop-deploy-1");
        assertThat(log.text()).contains("Started execution", "Prepare", "WaitForRollout", "Verify", "SUCCEEDED");
        ExecutionRecord record = action().getExecutions().get(0);
        assertThat(record.getStatus()).isEqualTo("SUCCEEDED");
        assertThat(record.getStates()).extracting(r -> r.getName()).contains("Prepare", "WaitForRollout", "Verify");
        assertThat(record.getConsoleUrl()).isEqualTo(engine.endpoint());
    }

    @Test
    void twoSfnExecuteInParallelOnOneStateMachineStartTwoExecutionsNamedAfterTheirFlowNodes() throws Exception {
        engine.stateMachine("deploy-ok");
        SfnExecuteStep step = new SfnExecuteStep("deploy-ok");
        step.setInput("{\"version\":\"1.4.2\"}");
        FakeStepContext left = context().with(new FakeFlowNode("12"));
        FakeStepContext right = context().with(new FakeFlowNode("15"));

        assertThat(step.start(left).start()).isFalse();
        assertThat(step.start(right).start()).isFalse();

        @SuppressWarnings("unchecked")
        String leftArn = (String) ((Map<String, Object>) left.result().get(30, TimeUnit.SECONDS)).get("executionArn");
        @SuppressWarnings("unchecked")
        String rightArn = (String) ((Map<String, Object>) right.result().get(30, TimeUnit.SECONDS)).get("executionArn");
        assertThat(leftArn).endsWith(":execution:deploy-ok:shop-deploy-1-12");
        assertThat(rightArn).endsWith(":execution:deploy-ok:shop-deploy-1-15");
        assertThat(action().getExecutions()).hasSize(2);
    }

    @Test
    void aStartRetriedAfterARestartAttachesToTheExecutionItStartedEvenThoughTheBuildRecordedIt() throws Exception {
        // the controller died after StartExecution and after build.xml recorded the execution, but before the
        // program saved the step's state: the resumed step starts again, under the same flow node
        engine.stateMachine("deploy-ok");
        SfnExecuteStep step = new SfnExecuteStep("deploy-ok");
        step.setInput("{\"version\":\"1.4.2\"}");
        FakeStepContext before = context().with(new FakeFlowNode("7"));
        @SuppressWarnings("unchecked")
        String first = (String) ((Map<String, Object>) run(step.start(before), before)).get("executionArn");

        FakeStepContext after = context().with(new FakeFlowNode("7"));
        @SuppressWarnings("unchecked")
        String again = (String) ((Map<String, Object>) run(step.start(after), after)).get("executionArn");

        assertThat(again).isEqualTo(first);
        assertThat(log.text()).contains("Attached to execution " + first);
        String machine = first.substring(0, first.lastIndexOf(':')).replace(":execution:", ":stateMachine:");
        assertThat(engine.sfn().listExecutions(b -> b.stateMachineArn(machine)).executions()).hasSize(1);
    }

    @Test
    void buildMetadataGoesIntoTheInputUnderItsKey() throws Exception {
        engine.stateMachine("deploy-ok");
        SfnExecuteStep step = new SfnExecuteStep("deploy-ok");
        step.setInputValues("version=2.0.0");
        FakeStepContext context = context();

        run(step.start(context), context);

        String arn = action().getExecutions().get(0).getExecutionArn();
        JsonNode input = JSON.readTree(engine.sfn().describeExecution(b -> b.executionArn(arn)).input());
        assertThat(input.path("build").path("job").asText()).isEqualTo("shop/deploy");
        assertThat(input.path("build").path("number").asText()).isEqualTo("1");
        assertThat(input.path("version").asText()).isEqualTo("2.0.0");
    }

    @Test
    void sfnExecuteAndSfnStartStartTheExecutionWithTheGivenXRayTraceHeader() throws Exception {
        engine.stateMachine("deploy-ok");
        SfnExecuteStep execute = new SfnExecuteStep("deploy-ok");
        execute.setInput("{\"version\":\"1.4.2\"}");
        execute.setTraceHeader("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        FakeStepContext executeContext = context();
        run(execute.start(executeContext), executeContext);
        SfnStartStep start = new SfnStartStep("deploy-ok");
        start.setTraceHeader("Root=1-5759e988-bd862e3fe1be46a994272794");
        FakeStepContext startContext = context();
        String startedArn = (String) run(start.start(startContext), startContext);

        String executedArn = action().getExecutions().get(0).getExecutionArn();
        assertThat(engine.sfn().describeExecution(b -> b.executionArn(executedArn)).traceHeader())
                .isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        assertThat(engine.sfn().describeExecution(b -> b.executionArn(startedArn)).traceHeader())
                .isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272794");
    }

    @Test
    void withoutATraceHeaderTheExecutionStartsWithNone() throws Exception {
        engine.stateMachine("deploy-ok");
        SfnStartStep start = new SfnStartStep("deploy-ok");
        start.setTraceHeader(" ");
        FakeStepContext context = context();
        String arn = (String) run(start.start(context), context);

        assertThat(engine.sfn().describeExecution(b -> b.executionArn(arn)).traceHeader()).isNull();
    }

    @Test
    void aFailedExecutionFailsTheBuildWithAwsErrorAndCauseAsOneLine() throws Exception {
        engine.stateMachine("deploy-fails");
        FakeStepContext context = context();

        assertThatThrownBy(() -> run(new SfnExecuteStep("deploy-fails").start(context), context))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("FAILED")
                .hasMessageContaining("Deploy.HealthCheckFailed")
                .hasMessageContaining("3 of 4 targets unhealthy");
        assertThat(action().getExecutions().get(0).getStatus()).isEqualTo("FAILED");
    }

    @Test
    void propagateFalseReturnsTheFailedOutcomeInsteadOfFailingTheBuild() throws Exception {
        engine.stateMachine("deploy-fails");
        SfnExecuteStep step = new SfnExecuteStep("deploy-fails");
        step.setPropagate(false);
        FakeStepContext context = context();

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) run(step.start(context), context);

        assertThat(result).containsEntry("status", "FAILED").containsEntry("error", "Deploy.HealthCheckFailed")
                .containsEntry("cause", "3 of 4 targets unhealthy");
    }

    @Test
    void anApprovalWaitsOnTheBuildPageForANamedSubmitterThenTheExecutionGoesOn() throws Exception {
        engine.stateMachine("approval");
        FakeStepContext context = context();
        StepExecution execution = answeredOnTheBuildPage(new SfnExecuteStep("approval")).start(context);
        assertThat(execution.start()).isFalse();

        Eventually.until("the approval is pending on the build page",
                () -> action() != null && !action().getExecutions().isEmpty()
                        && !action().getExecutions().get(0).getPendingApprovals().isEmpty());
        ExecutionRecord record = action().getExecutions().get(0);
        ApprovalView approval = record.getPendingApprovals().get(0);
        assertThat(approval.getMessage()).isEqualTo("Deploy 1.4.2 to production?");
        assertThat(approval.getSubmitters()).containsExactly("alice");
        assertThat(approval.getMetadata()).containsEntry("version", "1.4.2").containsEntry("environment", "production");
        assertThat(log.text()).contains("Deploy 1.4.2 to production?", "version: 1.4.2",
                "Paused for approval: approve or reject on the build page </job/deploy/1/stepfunctions/>");

        services.actingAs("bob");
        StepFunctionsRunAction.Answer refused = action().decide(record.getExecutionArn(), approval.getId(), true, "", null);
        assertThat(refused.httpStatus()).isEqualTo(403);
        assertThat(refused.message()).contains("bob may not answer", "alice");
        assertThat(engine.status(record.getExecutionArn())).isEqualTo("RUNNING");

        services.actingAs("alice");
        StepFunctionsRunAction.Answer approved = action().decide(record.getExecutionArn(), approval.getId(), true,
                "go", null);
        assertThat(approved.httpStatus()).isEqualTo(303);

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) context.result().get(30, TimeUnit.SECONDS);
        assertThat(result).containsEntry("status", "SUCCEEDED");
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) ((Map<String, Object>) result.get("output")).get("approval");
        assertThat(answer).containsEntry("approved", true).containsEntry("approver", "alice")
                .containsEntry("comment", "go");
        assertThat(record.getPendingApprovals()).isEmpty();
        assertThat(action().decide(record.getExecutionArn(), approval.getId(), true, "", null).httpStatus())
                .as("never answered twice").isEqualTo(409);
    }

    @Test
    void rejectingTakesTheRollbackPathAndFailsTheBuild() throws Exception {
        engine.stateMachine("approval");
        FakeStepContext context = context();
        StepExecution execution = answeredOnTheBuildPage(new SfnExecuteStep("approval")).start(context);
        execution.start();
        Eventually.until("the approval is pending", () -> action() != null && !action().getExecutions().isEmpty()
                && !action().getExecutions().get(0).getPendingApprovals().isEmpty());
        ExecutionRecord record = action().getExecutions().get(0);

        services.actingAs("alice");
        assertThat(action().decide(record.getExecutionArn(), record.getPendingApprovals().get(0).getId(), false,
                "not today", null).httpStatus()).isEqualTo(303);

        assertThatThrownBy(() -> context.result().get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(AbortException.class)
                .hasMessageContaining("Deployment.Rejected");
        assertThat(log.text()).contains("Rejected");
    }

    @Test
    void anApprovalAnsweredElsewhereIsWithdrawnAndTheLogSaysWhy() throws Exception {
        engine.stateMachine("approval");
        FakeStepContext context = context();
        answeredOnTheBuildPage(new SfnExecuteStep("approval")).start(context).start();
        Eventually.until("the approval is pending", () -> action() != null && !action().getExecutions().isEmpty()
                && !action().getExecutions().get(0).getPendingApprovals().isEmpty());
        ExecutionRecord record = action().getExecutions().get(0);

        String token = engine.taskToken(record.getExecutionArn());
        engine.sfn().sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true,\"approver\":\"ops-console\"}"));

        assertThat(context.result().get(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(record.getPendingApprovals()).isEmpty();
        assertThat(record.getNotes()).anyMatch(n -> n.startsWith("Approval at Approve closed"));
        assertThat(log.text()).containsIgnoringCase("approval at Approve closed");
    }

    @Test
    void aMemberOfANamedSubmitterGroupAnswersTheApproval() throws Exception {
        String definition;
        try (InputStream in = getClass().getResourceAsStream("/statemachines/approval.asl.json")) {
            definition = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("[\"alice\"]", "[\"release-approvers\"]");
        }
        engine.sfn().createStateMachine(b -> b.name("approval").definition(definition)
                .roleArn("arn:aws:iam::123456789012:role/StepFunctionsDeployer"));
        FakeStepContext context = context();
        answeredOnTheBuildPage(new SfnExecuteStep("approval")).start(context).start();
        Eventually.until("the approval is pending", () -> action() != null && !action().getExecutions().isEmpty()
                && !action().getExecutions().get(0).getPendingApprovals().isEmpty());
        ExecutionRecord record = action().getExecutions().get(0);
        String approvalId = record.getPendingApprovals().get(0).getId();

        services.actingAs("carol", "release-approvers");
        StepFunctionsRunAction.Answer answer = action().decide(record.getExecutionArn(), approvalId, true, "ok", null);

        assertThat(answer.httpStatus()).as(answer.message()).isEqualTo(303);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) context.result().get(30, TimeUnit.SECONDS);
        assertThat(result).containsEntry("status", "SUCCEEDED");
    }

    @Test
    void anAdministratorAnswersAnApprovalThatNamesOtherSubmitters() throws Exception {
        engine.stateMachine("approval");
        FakeStepContext context = context();
        answeredOnTheBuildPage(new SfnExecuteStep("approval")).start(context).start();
        Eventually.until("the approval is pending", () -> action() != null && !action().getExecutions().isEmpty()
                && !action().getExecutions().get(0).getPendingApprovals().isEmpty());
        ExecutionRecord record = action().getExecutions().get(0);

        services.actingAs("root").administrator(true);
        StepFunctionsRunAction.Answer answer = action().decide(record.getExecutionArn(),
                record.getPendingApprovals().get(0).getId(), false, "stop", null);

        assertThat(answer.httpStatus()).as(answer.message()).isEqualTo(303);
        assertThatThrownBy(() -> context.result().get(30, TimeUnit.SECONDS)).hasMessageContaining("Deployment.Rejected");
    }

    @Test
    void abortingTheBuildStopsTheExecutionAndSaysSoInTheLog() throws Exception {
        engine.stateMachine("approval");
        FakeStepContext context = context();
        StepExecution execution = answeredOnTheBuildPage(new SfnExecuteStep("approval")).start(context);
        execution.start();
        Eventually.until("the approval is pending", () -> action() != null && !action().getExecutions().isEmpty()
                && !action().getExecutions().get(0).getPendingApprovals().isEmpty());
        String arn = action().getExecutions().get(0).getExecutionArn();

        execution.stop(new InterruptedException("aborted by admin"));

        assertThatThrownBy(() -> context.result().get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(InterruptedException.class);
        assertThat(engine.status(arn)).isEqualTo("ABORTED");
        assertThat(log.text()).contains("Build aborted: stopped execution " + arn);
    }

    @Test
    void abortingWithStopOnAbortFalseLeavesTheExecutionRunning() throws Exception {
        engine.stateMachine("approval");
        SfnExecuteStep step = answeredOnTheBuildPage(new SfnExecuteStep("approval"));
        step.setStopOnAbort(false);
        FakeStepContext context = context();
        StepExecution execution = step.start(context);
        execution.start();
        Eventually.until("the approval is pending", () -> action() != null && !action().getExecutions().isEmpty()
                && !action().getExecutions().get(0).getPendingApprovals().isEmpty());
        String arn = action().getExecutions().get(0).getExecutionArn();

        execution.stop(new InterruptedException("aborted"));

        assertThatThrownBy(() -> context.result().get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(InterruptedException.class);
        assertThat(engine.status(arn)).isEqualTo("RUNNING");
        assertThat(log.text()).contains("keeps running (stopOnAbort: false)");
    }

    @Test
    void resumedFromSavedStateAfterARestartItContinuesWithoutPrintingAnyEventTwice() throws Exception {
        engine.stateMachine("approval");
        FakeStepContext before = context();
        StepExecution execution = answeredOnTheBuildPage(new SfnExecuteStep("approval")).start(before);
        execution.start();
        Eventually.until("the approval is pending", () -> action() != null && !action().getExecutions().isEmpty()
                && !action().getExecutions().get(0).getPendingApprovals().isEmpty());
        String arn = action().getExecutions().get(0).getExecutionArn();
        byte[] saved = save(execution, before);
        services.close();
        List<String> printedBefore = log.lines();

        FakeJenkinsServices restarted = new FakeJenkinsServices(dir.resolve("workspace")).actingAs("alice");
        FakeTaskListener logAfter = new FakeTaskListener();
        FakeStepContext after = context(restarted, logAfter);
        try {
            StepExecution resumed = load(saved, after);
            resumed.onResume();
            Eventually.until("the resumed follower publishes the approval again",
                    () -> restarted.activeExecutions().isFollowing(arn));
            ExecutionRecord record = action().getExecutions().get(0);
            StepFunctionsRunAction.of(run, restarted);
            assertThat(action().decide(arn, record.getPendingApprovals().get(0).getId(), true, "after restart", null)
                    .httpStatus()).isEqualTo(303);

            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) after.result().get(30, TimeUnit.SECONDS);
            assertThat(result).containsEntry("status", "SUCCEEDED");
            List<String> printedAfter = new ArrayList<>(logAfter.lines());
            assertThat(printedAfter.get(0)).startsWith("Resuming to follow " + arn);
            assertThat(printedAfter).doesNotContainAnyElementsOf(printedBefore.stream().filter(l -> !l.isBlank()).toList());
            assertThat(String.join("\n", printedAfter)).contains("Deploy", "SUCCEEDED");
            assertThat(String.join("\n", printedBefore)).contains("Stage");
        } finally {
            restarted.close();
        }
    }

    @Test
    void thirtyBuildsWaitingForApprovalsHoldNoThreadEachButShareTheSchedulersTwo() throws Exception {
        engine.stateMachine("approval");
        List<FakeStepContext> contexts = new ArrayList<>();
        List<FakeRun> runs = new ArrayList<>();
        List<FakeTaskListener> logs = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            FakeRun build = new FakeRun(dir.resolve("build-" + i).toFile());
            FakeTaskListener buildLog = new FakeTaskListener();
            EnvVars env = new EnvVars();
            env.put("JOB_NAME", "shop/deploy");
            env.put("BUILD_NUMBER", String.valueOf(i));
            FakeStepContext context = new FakeStepContext().with(services).with(buildLog).with(build).with(env)
                    .with(new StepFunctionsSettings("us-east-1", FakeJenkinsServices.CREDENTIALS_ID, null, null,
                            engine.endpoint()));
            assertThat(answeredOnTheBuildPage(new SfnExecuteStep("approval")).start(context).start()).isFalse();
            contexts.add(context);
            runs.add(build);
            logs.add(buildLog);
        }
        Eventually.until("all 30 approvals are pending", () -> runs.stream().allMatch(r -> {
            StepFunctionsRunAction a = r.getAction(StepFunctionsRunAction.class);
            return a != null && !a.getExecutions().isEmpty() && !a.getExecutions().get(0).getPendingApprovals().isEmpty();
        }));

        services.actingAs("alice");
        for (FakeRun build : runs) {
            StepFunctionsRunAction a = build.getAction(StepFunctionsRunAction.class);
            ExecutionRecord record = a.getExecutions().get(0);
            assertThat(a.decide(record.getExecutionArn(), record.getPendingApprovals().get(0).getId(), true, "", null)
                    .httpStatus()).isEqualTo(303);
        }
        for (FakeStepContext context : contexts) {
            assertThat(context.result().get(30, TimeUnit.SECONDS)).isNotNull();
        }

        Set<String> writers = new HashSet<>();
        logs.forEach(l -> writers.addAll(l.writers()));
        // the answering request says who approved on the page, on its own thread (an HTTP thread in Jenkins)
        writers.remove(Thread.currentThread().getName());
        assertThat(writers).as("every other line of 30 builds came from the scheduler's two threads").hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void sfnStartReturnsTheArnAndSfnAwaitFollowsThatExecution() throws Exception {
        engine.stateMachine("deploy-ok");
        SfnStartStep start = new SfnStartStep("deploy-ok");
        start.setInput("{\"version\":\"3.0.0\"}");
        FakeStepContext startContext = context();
        String arn = (String) run(start.start(startContext), startContext);
        assertThat(arn).contains(":execution:deploy-ok:");

        FakeStepContext awaitContext = context();
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) run(new SfnAwaitStep(arn).start(awaitContext), awaitContext);

        assertThat(result).containsEntry("executionArn", arn).containsEntry("status", "SUCCEEDED");
        assertThat(action().getExecutions()).hasSize(1);
        assertThat(action().getExecutions().get(0).getStatus()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aBuildStartedByAStateMachineAnswersItsTaskWithSfnSendTaskSuccess() throws Exception {
        String machine = engine.stateMachine("approval");
        String arn = engine.sfn().startExecution(b -> b.stateMachineArn(machine).input("{}")).executionArn();
        String token = engine.taskToken(arn);
        SfnSendTaskSuccessStep step = new SfnSendTaskSuccessStep(token);
        step.setOutput("{\"approved\":true,\"approver\":\"jenkins\"}");
        FakeStepContext context = context();

        run(step.start(context), context);

        Eventually.until("the execution succeeds", () -> "SUCCEEDED".equals(engine.status(arn)));
        assertThat(log.text()).contains("Sent task success for task token").doesNotContain(token);
    }

    @Test
    void sfnSendTaskFailureFailsTheTaskWithTheGivenError() throws Exception {
        String machine = engine.stateMachine("approval");
        String arn = engine.sfn().startExecution(b -> b.stateMachineArn(machine).input("{}")).executionArn();
        SfnSendTaskFailureStep step = new SfnSendTaskFailureStep(engine.taskToken(arn));
        step.setError("Approval.Rejected");
        step.setCause("tests failed");
        FakeStepContext context = context();

        run(step.start(context), context);

        Eventually.until("the execution takes its Catch and fails", () -> "FAILED".equals(engine.status(arn)));
    }

    @Test
    void sfnSendTaskSuccessRefusesOutputThatIsNotJsonBeforeCallingAws() throws Exception {
        SfnSendTaskSuccessStep step = new SfnSendTaskSuccessStep("some-token");
        step.setOutput("{not json");
        FakeStepContext context = context();

        assertThatThrownBy(() -> run(step.start(context), context)).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("output: not valid JSON");
    }

    @Test
    void sfnValidateReportsFindingsAndFailsOnErrorsUnlessPropagateIsFalse() throws Exception {
        Files.createDirectories(dir.resolve("workspace"));
        copy("valid", "valid.asl.json");
        copy("invalid", "invalid.asl.json");

        FakeStepContext valid = context();
        assertThat((List<?>) run(new SfnValidateStep("valid.asl.json").start(valid), valid)).isEmpty();
        assertThat(log.text()).contains("valid.asl.json: valid");

        FakeStepContext invalid = context();
        assertThatThrownBy(() -> run(new SfnValidateStep("invalid.asl.json").start(invalid), invalid))
                .isInstanceOf(AbortException.class).hasMessageContaining("invalid.asl.json is not a valid");

        SfnValidateStep report = new SfnValidateStep("invalid.asl.json");
        report.setPropagate(false);
        FakeStepContext reportOnly = context();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings = (List<Map<String, Object>>) run(report.start(reportOnly), reportOnly);
        assertThat(findings).isNotEmpty().allSatisfy(f -> assertThat(f).containsKeys("severity", "code", "message"));
    }

    @Test
    void theHistoryDownloadIsOneJsonDocumentWithEveryEvent() throws Exception {
        engine.stateMachine("deploy-ok");
        SfnExecuteStep step = new SfnExecuteStep("deploy-ok");
        step.setInput("{\"version\":\"1.0.0\"}");
        step.setHistoryFile("reports/history.json");
        step.setOutputFile("reports/output.json");
        FakeStepContext context = context();
        run(step.start(context), context);

        ExecutionRecord record = action().getExecutions().get(0);
        JsonNode history = JSON.readTree(action().historyJson(record));
        int events = engine.sfn().getExecutionHistory(b -> b.executionArn(record.getExecutionArn())).events().size();
        assertThat(history.path("events")).hasSize(events);
        assertThat(history.path("events").get(0).path("type").asText()).isEqualTo("ExecutionStarted");
        assertThat(JSON.readTree(dir.resolve("workspace/reports/history.json").toFile())).isEqualTo(history);
        assertThat(JSON.readTree(dir.resolve("workspace/reports/output.json").toFile()).path("deployed").asText())
                .isEqualTo("1.0.0");
    }

    @Test
    void junitFileWritesAStatePerTestCaseForTheTestTrend() throws Exception {
        engine.stateMachine("deploy-ok");
        SfnExecuteStep step = new SfnExecuteStep("deploy-ok");
        step.setInput("{\"version\":\"1.0.0\"}");
        step.setJunitFile("reports/deploy-states.xml");
        FakeStepContext context = context();
        run(step.start(context), context);

        String xml = java.nio.file.Files.readString(dir.resolve("workspace/reports/deploy-states.xml"));
        assertThat(xml).startsWith("<?xml").contains("<testsuite name=\"deploy-ok\"", "failures=\"0\"",
                "<testcase classname=\"deploy-ok\" name=\"");
    }

    @Test
    void theHistoryOnTheBuildPageShowsTheApprovalsTaskTokenRedacted() throws Exception {
        engine.stateMachine("approval");
        FakeStepContext context = context();
        answeredOnTheBuildPage(new SfnExecuteStep("approval")).start(context).start();
        Eventually.until("the approval is pending", () -> action() != null && !action().getExecutions().isEmpty()
                && !action().getExecutions().get(0).getPendingApprovals().isEmpty());
        ExecutionRecord record = action().getExecutions().get(0);
        String token = engine.taskToken(record.getExecutionArn());
        services.actingAs("alice");
        action().decide(record.getExecutionArn(), record.getPendingApprovals().get(0).getId(), true, "", null);
        context.result().get(30, TimeUnit.SECONDS);

        String history = action().historyJson(record);

        assertThat(token).hasSizeGreaterThan(20);
        assertThat(history).doesNotContain(token)
                .contains(io.jenkins.plugins.stepfunctions.bridge.connect.Secret.redact(token), "Deploy 1.4.2 to production?");
    }

    @Test
    void anEndpointThatIsNotStepFunctionsFailsTheStepSayingSoInOneLine() throws Exception {
        com.sun.net.httpserver.HttpServer web = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", exchange -> {
            exchange.sendResponseHeaders(501, -1);
            exchange.close();
        });
        web.start();
        try {
            EnvVars env = new EnvVars();
            env.put("JOB_NAME", "shop/deploy");
            env.put("BUILD_NUMBER", "1");
            FakeStepContext context = new FakeStepContext().with(services).with(log).with(run).with(env)
                    .with(new StepFunctionsSettings("us-east-1", FakeJenkinsServices.CREDENTIALS_ID, null, null,
                            "http://127.0.0.1:" + web.getAddress().getPort()));

            assertThatThrownBy(() -> run(new SfnStartStep("deploy-ok").start(context), context))
                    .isInstanceOf(AbortException.class)
                    .hasMessageContaining("HTTP 501").hasMessageContaining("not a Step Functions endpoint")
                    .hasMessageNotContaining("null");
        } finally {
            web.stop(0);
        }
    }

    @Test
    void withoutARegionTheStepFailsNamingTheFieldAndNothingStarts() throws Exception {
        FakeStepContext context = new FakeStepContext().with(services).with(log).with(run).with(new EnvVars());

        assertThatThrownBy(() -> run(new SfnExecuteStep("deploy-ok").start(context), context))
                .isInstanceOf(AbortException.class).hasMessageStartingWith("region: no AWS region given");
    }

    private void copy(String resource, String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/statemachines/" + resource + ".asl.json")) {
            Files.write(dir.resolve("workspace").resolve(name), in.readAllBytes());
        }
    }

    /** Writes the step execution as Pipeline saves it, with the context replaced by a handle, as CPS does. */
    private static byte[] save(StepExecution execution, FakeStepContext context) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ContextPickler(bytes, context)) {
            out.writeObject(execution);
        }
        return bytes.toByteArray();
    }

    private static StepExecution load(byte[] saved, FakeStepContext context) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ContextUnpickler(new ByteArrayInputStream(saved), context)) {
            return (StepExecution) in.readObject();
        }
    }

    private record ContextHandle() implements Serializable {
    }

    private static final class ContextPickler extends ObjectOutputStream {
        private final Object context;

        ContextPickler(OutputStream out, Object context) throws IOException {
            super(out);
            this.context = context;
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            return obj == context ? new ContextHandle() : obj;
        }
    }

    private static final class ContextUnpickler extends ObjectInputStream {
        private final Object context;

        ContextUnpickler(InputStream in, Object context) throws IOException {
            super(in);
            this.context = context;
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object obj) {
            return obj instanceof ContextHandle ? context : obj;
        }
    }

    /**
     * These fakes have no flow node and no pipeline-input-step, so approvals are followed on the build page here;
     * the {@code input} route runs in a real Jenkins (it/ ApprovalInputIT) and its rules in ApprovalFormTest.
     */
    private static SfnExecuteStep answeredOnTheBuildPage(SfnExecuteStep step) {
        step.setApprovals("page");
        return step;
    }
}
