package io.jenkins.plugins.stepfunctions.plugin.freestyle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.AbortException;
import hudson.EnvVars;
import io.jenkins.plugins.stepfunctions.plugin.build.ExecutionRecord;
import io.jenkins.plugins.stepfunctions.plugin.build.StepFunctionsRunAction;
import io.jenkins.plugins.stepfunctions.plugin.fakes.Engine;
import io.jenkins.plugins.stepfunctions.plugin.fakes.Eventually;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeEnvVars;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeJenkinsServices;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeRun;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeTaskListener;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The freestyle build step's {@code perform} with fakes of Run and TaskListener, a local folder as workspace
 * (no remoting) and the real bridge against the embedded engine. Not covered: the config form as Jenkins
 * renders it, and Jenkins calling {@code perform} (the FilePath overload only adapts the workspace).
 */
class FreestyleBuilderWithFakesTest {
    @TempDir
    Path dir;

    private Engine engine;
    private FakeJenkinsServices services;
    private FakeTaskListener log;
    private FakeRun run;
    private EnvVars env;

    @BeforeEach
    void start() throws Exception {
        engine = new Engine();
        services = new FakeJenkinsServices(dir.resolve("workspace"));
        log = new FakeTaskListener();
        run = new FakeRun(dir.resolve("build").toFile());
        env = new FakeEnvVars(Map.of("JOB_NAME", "deploy-freestyle", "BUILD_NUMBER", "7"));
    }

    @AfterEach
    void stop() {
        services.close();
        engine.close();
    }

    private StepFunctionsBuilder builder(String stateMachine) {
        StepFunctionsBuilder builder = new StepFunctionsBuilder(stateMachine);
        builder.setRegion("us-east-1");
        builder.setCredentialsId(FakeJenkinsServices.CREDENTIALS_ID);
        builder.setEndpoint(engine.endpoint());
        return builder;
    }

    @Test
    void performRunsTheExecutionToTheEndAndExportsItsResultsAsEnvironmentVariables() throws Exception {
        engine.stateMachine("deploy-ok");
        StepFunctionsBuilder builder = builder("deploy-ok");
        builder.setInput("{\"version\":\"5.1.0\"}");
        builder.setOutputFile("out/result.json");

        builder.perform(run, services.workspace(null), env, log, services);

        assertThat(log.text()).contains("Started execution", "Verify", "SUCCEEDED");
        assertThat(new ObjectMapper().readTree(dir.resolve("workspace/out/result.json").toFile()).path("deployed").asText())
                .isEqualTo("5.1.0");
        EnvVars after = new EnvVars();
        run.getAction(StepFunctionsRunAction.class).buildEnvironment(run, after);
        assertThat(after.get("SFN_EXECUTION_ARN")).contains(":execution:deploy-ok:deploy-freestyle-7");
        assertThat(after.get("SFN_STATUS")).isEqualTo("SUCCEEDED");
        assertThat(after.get("SFN_OUTPUT_FILE")).isEqualTo("out/result.json");
    }

    @Test
    void reportFileIsExpandedAndTheReportWrittenToTheWorkspaceWhenTheExecutionEnds() throws Exception {
        engine.stateMachine("deploy-ok");
        StepFunctionsBuilder builder = builder("deploy-ok");
        builder.setInput("{\"version\":\"5.1.0\"}");
        builder.setReportFile("reports/deploy-${BUILD_NUMBER}.html");

        builder.perform(run, services.workspace(null), env, log, services);

        assertThat(java.nio.file.Files.readString(dir.resolve("workspace/reports/deploy-7.html")))
                .startsWith("<!DOCTYPE html>").contains("WaitForRollout", "ExecutionSucceeded", "default-src 'none'");
    }

    @Test
    void variablesFromTheBuildEnvironmentAreExpandedBeforeTheExecutionStarts() throws Exception {
        engine.stateMachine("deploy-ok");
        env.putAll(Map.of("MACHINE", "deploy-ok", "VERSION", "5.1.0", "STAGE", "prod", "REGION", "us-east-1",
                "CRED", FakeJenkinsServices.CREDENTIALS_ID, "ENDPOINT", engine.endpoint(), "OUT", "out",
                "TRACE", "Root=1-5759e988-bd862e3fe1be46a994272793"));
        StepFunctionsBuilder builder = new StepFunctionsBuilder("${MACHINE}");
        builder.setRegion("${REGION}");
        builder.setCredentialsId("${CRED}");
        builder.setEndpoint("$ENDPOINT");
        builder.setInput("{\"version\":\"${VERSION}\"}");
        builder.setInputValues("stage=${STAGE}");
        builder.setExecutionName("release-${BUILD_NUMBER}");
        builder.setTraceHeader("${TRACE}");
        builder.setOutputFile("${OUT}/result.json");

        builder.perform(run, services.workspace(null), env, log, services);

        EnvVars after = new EnvVars();
        run.getAction(StepFunctionsRunAction.class).buildEnvironment(run, after);
        String arn = after.get("SFN_EXECUTION_ARN");
        assertThat(arn).endsWith(":execution:deploy-ok:release-7");
        var execution = engine.sfn().describeExecution(b -> b.executionArn(arn));
        assertThat(new ObjectMapper().readTree(execution.input()).path("version").asText()).isEqualTo("5.1.0");
        assertThat(new ObjectMapper().readTree(execution.input()).path("stage").asText()).isEqualTo("prod");
        assertThat(execution.traceHeader()).isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793");
        assertThat(dir.resolve("workspace/out/result.json")).exists();
        assertThat(builder.getStateMachine()).as("the job's configuration keeps the variable").isEqualTo("${MACHINE}");
    }

    @Test
    void everyTextFieldOfTheStepIsExpanded() {
        StepFunctionsBuilder builder = new StepFunctionsBuilder("${V}-stateMachine");
        builder.setQualifier("${V}-qualifier");
        builder.setInput("${V}-input");
        builder.setInputFile("${V}-inputFile");
        builder.setInputValues("${V}-inputValues");
        builder.setInputEnvironment("${V}-inputEnvironment");
        builder.setBuildMetadataKey("${V}-buildMetadataKey");
        builder.setExecutionName("${V}-executionName");
        builder.setTraceHeader("${V}-traceHeader");
        builder.setRenderStyle("${V}-renderStyle");
        builder.setOutputFile("${V}-outputFile");
        builder.setHistoryFile("${V}-historyFile");
        builder.setApprovalStates("${V}-approvalStates");
        builder.setApprovalActivities("${V}-approvalActivities");
        builder.setWaitMode("${V}-waitMode");
        builder.setEventQueueUrl("${V}-eventQueueUrl");
        builder.setRegion("${V}-region");
        builder.setCredentialsId("${V}-credentialsId");
        builder.setRoleArn("${V}-roleArn");
        builder.setExternalId("${V}-externalId");
        builder.setEndpoint("${V}-endpoint");

        StepFunctionsBuilder expanded = builder.expanded(new FakeEnvVars(Map.of("V", "x")));

        List<String> values = textFields(expanded);
        assertThat(values).hasSize(21).allSatisfy(value -> assertThat(value).startsWith("x-"));
        assertThat(textFields(builder)).allSatisfy(value -> assertThat(value).startsWithIgnoringCase("${V}-"));
    }

    private static List<String> textFields(StepFunctionsBuilder b) {
        return Arrays.asList(b.getStateMachine(), b.getQualifier(), b.getInput(),
                b.getInputFile(), b.getInputValues(), b.getInputEnvironment(), b.getBuildMetadataKey(),
                b.getExecutionName(), b.getTraceHeader(), b.getRenderStyle(), b.getOutputFile(), b.getHistoryFile(),
                b.getApprovalStates(), b.getApprovalActivities(), b.getWaitMode(), b.getEventQueueUrl(),
                b.getRegion(), b.getCredentialsId(), b.getRoleArn(), b.getExternalId(), b.getEndpoint());
    }

    @Test
    void theBuilderIsNotOfferedToPipelineScriptsAndItsHelpPointsToSfnExecute() throws Exception {
        List<String> types = new ArrayList<>();
        for (Class<?> c = StepFunctionsBuilder.class; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                types.add(i.getName());
            }
        }
        assertThat(types).as("Pipeline's step([$class: ...]) runs only SimpleBuildStep")
                .doesNotContain("jenkins.tasks.SimpleBuildStep");
        try (InputStream help = StepFunctionsBuilder.class.getResourceAsStream("StepFunctionsBuilder/help.html")) {
            assertThat(new String(help.readAllBytes(), StandardCharsets.UTF_8)).contains("sfnExecute");
        }
    }

    @Test
    void theExecutionStartsWithTheGivenXRayTraceHeader() throws Exception {
        engine.stateMachine("deploy-ok");
        StepFunctionsBuilder builder = builder("deploy-ok");
        builder.setInput("{\"version\":\"5.1.0\"}");
        builder.setTraceHeader("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");

        builder.perform(run, null, env, log, services);

        EnvVars after = new EnvVars();
        run.getAction(StepFunctionsRunAction.class).buildEnvironment(run, after);
        assertThat(engine.sfn().describeExecution(b -> b.executionArn(after.get("SFN_EXECUTION_ARN"))).traceHeader())
                .isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
    }

    @Test
    void aFailedExecutionFailsTheBuildStepWithItsErrorAndCause() throws Exception {
        engine.stateMachine("deploy-fails");

        assertThatThrownBy(() -> builder("deploy-fails").perform(run, null, env, log, services))
                .isInstanceOf(AbortException.class).hasMessageContaining("Deploy.HealthCheckFailed");
    }

    @Test
    void anApprovalIsAnsweredFromTheBuildPageWhileTheBuildStepWaits() throws Exception {
        engine.stateMachine("approval");
        CompletableFuture<Void> build = CompletableFuture.runAsync(() -> {
            try {
                builder("approval").perform(run, null, env, log, services);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        Eventually.until("the approval is pending", () -> run.getAction(StepFunctionsRunAction.class) != null
                && !run.getAction(StepFunctionsRunAction.class).getExecutions().isEmpty()
                && !run.getAction(StepFunctionsRunAction.class).getExecutions().get(0).getPendingApprovals().isEmpty());
        StepFunctionsRunAction action = run.getAction(StepFunctionsRunAction.class);
        ExecutionRecord record = action.getExecutions().get(0);

        services.actingAs("alice");
        assertThat(action.decide(record.getExecutionArn(), record.getPendingApprovals().get(0).getId(), true, "ok", null)
                .httpStatus()).isEqualTo(303);

        build.get(30, TimeUnit.SECONDS);
        assertThat(record.getStatus()).isEqualTo("SUCCEEDED");
    }

    @Test
    void interruptingTheBuildThreadStopsTheExecution() throws Exception {
        engine.stateMachine("approval");
        Thread buildThread = new Thread(() -> {
            try {
                builder("approval").perform(run, null, env, log, services);
            } catch (Exception expected) {
                // the interrupted build ends here
            }
        });
        buildThread.start();
        Eventually.until("the approval is pending", () -> run.getAction(StepFunctionsRunAction.class) != null
                && !run.getAction(StepFunctionsRunAction.class).getExecutions().isEmpty()
                && !run.getAction(StepFunctionsRunAction.class).getExecutions().get(0).getPendingApprovals().isEmpty());
        String arn = run.getAction(StepFunctionsRunAction.class).getExecutions().get(0).getExecutionArn();

        buildThread.interrupt();
        buildThread.join(30_000);

        assertThat(engine.status(arn)).isEqualTo("ABORTED");
        assertThat(log.text()).contains("Build aborted: stopped execution " + arn);
    }

    @Test
    void anUnknownCredentialFailsBeforeAnythingStarts() {
        String machine = engine.stateMachine("deploy-ok");
        StepFunctionsBuilder builder = builder("deploy-ok");
        builder.setCredentialsId("nope");

        assertThatThrownBy(() -> builder.perform(run, null, env, log, services))
                .isInstanceOf(AbortException.class).hasMessageStartingWith("credentialsId:");
        assertThat(engine.sfn().listExecutions(b -> b.stateMachineArn(machine)).executions()).isEmpty();
    }
}
