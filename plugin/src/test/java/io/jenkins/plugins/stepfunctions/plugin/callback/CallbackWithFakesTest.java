package io.jenkins.plugins.stepfunctions.plugin.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.EnvVars;
import io.jenkins.plugins.stepfunctions.plugin.build.StepFunctionsRunAction;
import io.jenkins.plugins.stepfunctions.plugin.connect.StepFunctionsSettings;
import io.jenkins.plugins.stepfunctions.plugin.fakes.Engine;
import io.jenkins.plugins.stepfunctions.plugin.fakes.Eventually;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeJenkinsServices;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeRun;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeStepContext;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeTaskListener;
import io.jenkins.plugins.stepfunctions.plugin.steps.SfnExecuteStep;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The callback endpoint's decision ({@link CallbackRootAction#handle}) with an execution followed in callback
 * mode (fakes of StepContext, TaskListener and Run; real bridge and engine). Not covered: Stapler routing the
 * URL to the action and the crumb filter calling {@link CallbackCrumbExclusion}; both need a running Jenkins.
 */
class CallbackWithFakesTest {
    @TempDir
    Path dir;

    private Engine engine;
    private FakeJenkinsServices services;
    private FakeRun run;

    @BeforeEach
    void start() throws Exception {
        engine = new Engine();
        services = new FakeJenkinsServices(dir);
        run = new FakeRun(dir.toFile());
    }

    @AfterEach
    void stop() {
        services.close();
        engine.close();
    }

    @Test
    void theExecutionGetsItsCallbackUrlAndAPostWithItsSecretWakesTheBuild() throws Exception {
        engine.stateMachine("approval");
        EnvVars env = new EnvVars();
        env.put("JOB_NAME", "deploy");
        env.put("BUILD_NUMBER", "3");
        FakeStepContext context = new FakeStepContext().with(services).with(new FakeTaskListener()).with(run).with(env)
                .with(new StepFunctionsSettings("us-east-1", FakeJenkinsServices.CREDENTIALS_ID, null, null,
                        engine.endpoint()));
        SfnExecuteStep step = new SfnExecuteStep("approval");
        step.setWaitMode("callback");
        step.start(context).start();
        Eventually.until("the execution runs", () -> run.getAction(StepFunctionsRunAction.class) != null
                && !run.getAction(StepFunctionsRunAction.class).getExecutions().isEmpty());
        String arn = run.getAction(StepFunctionsRunAction.class).getExecutions().get(0).getExecutionArn();
        String callbackUrl = new ObjectMapper().readTree(engine.sfn().describeExecution(b -> b.executionArn(arn)).input())
                .path("build").path("callbackUrl").asText();
        assertThat(callbackUrl).startsWith("http://jenkins.example/sfn-callback/");
        String secret = callbackUrl.substring(callbackUrl.lastIndexOf('/') + 1);
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);

        String token = engine.taskToken(arn);
        engine.sfn().sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));
        assertThat(CallbackRootAction.handle("POST", "/" + secret, services)).isEqualTo(204);

        assertThat(context.result().get(10, TimeUnit.SECONDS))
                .as("done well before the 30 s safety poll: the callback woke the follower").isNotNull();
        Eventually.until("the secret is forgotten", () -> CallbackRootAction.handle("POST", "/" + secret, services) == 404);
    }

    @Test
    void theBuildPageHistoryShowsTheCallbackSecretRedacted() throws Exception {
        engine.stateMachine("approval");
        EnvVars env = new EnvVars();
        env.put("JOB_NAME", "deploy");
        env.put("BUILD_NUMBER", "4");
        FakeStepContext context = new FakeStepContext().with(services).with(new FakeTaskListener()).with(run).with(env)
                .with(new StepFunctionsSettings("us-east-1", FakeJenkinsServices.CREDENTIALS_ID, null, null,
                        engine.endpoint()));
        SfnExecuteStep step = new SfnExecuteStep("approval");
        step.setWaitMode("callback");
        step.start(context).start();
        Eventually.until("the execution runs", () -> run.getAction(StepFunctionsRunAction.class) != null
                && !run.getAction(StepFunctionsRunAction.class).getExecutions().isEmpty());
        StepFunctionsRunAction action = run.getAction(StepFunctionsRunAction.class);
        String arn = action.getExecutions().get(0).getExecutionArn();
        String callbackUrl = new ObjectMapper().readTree(engine.sfn().describeExecution(b -> b.executionArn(arn)).input())
                .path("build").path("callbackUrl").asText();
        String secret = callbackUrl.substring(callbackUrl.lastIndexOf('/') + 1);
        String token = engine.taskToken(arn);
        engine.sfn().sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));
        CallbackRootAction.handle("POST", "/" + secret, services);
        context.result().get(10, TimeUnit.SECONDS);

        String history = action.historyJson(action.getExecutions().get(0));

        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        assertThat(history).contains("/sfn-callback/" + io.jenkins.plugins.stepfunctions.bridge.connect.Secret.redact(secret))
                .doesNotContain(secret);
    }

    @Test
    void anythingButAPostWithAKnownSecretGetsNothing() {
        assertThat(CallbackRootAction.handle("GET", "/whatever", services)).isEqualTo(405);
        assertThat(CallbackRootAction.handle("POST", "/not-a-secret", services)).isEqualTo(404);
        assertThat(CallbackRootAction.handle("POST", null, services)).isEqualTo(404);
    }
}
