package io.jenkins.plugins.stepfunctions.plugin.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import io.jenkins.plugins.stepfunctions.plugin.build.StepFunctionsRunAction;
import io.jenkins.plugins.stepfunctions.plugin.connect.StepFunctionsSettings;
import io.jenkins.plugins.stepfunctions.plugin.fakes.Engine;
import io.jenkins.plugins.stepfunctions.plugin.fakes.Eventually;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeFlowNode;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeJenkinsServices;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeRun;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeStepContext;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeTaskListener;
import io.jenkins.plugins.stepfunctions.plugin.fakes.Moto;
import io.jenkins.plugins.stepfunctions.plugin.steps.SfnAwaitStep;
import io.jenkins.plugins.stepfunctions.plugin.steps.SfnExecuteStep;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code waitMode: 'sqs'}: the bridge's SQS listener wakes the build when an EventBridge status-change event
 * arrives. Step Functions is the embedded engine; SQS is moto (the engine has none), and the test itself plays
 * EventBridge by putting the event on the queue. Fakes of StepContext, TaskListener and Run as elsewhere.
 */
class SqsWaitModeWithMotoTest {
    @TempDir
    Path dir;

    private Engine engine;
    private Moto moto;
    private FakeJenkinsServices services;
    private FakeRun run;

    @BeforeEach
    void start() throws Exception {
        moto = Moto.startOrSkip();
        engine = new Engine();
        services = new FakeJenkinsServices(dir).eventsFrom(moto.sqs());
        run = new FakeRun(dir.toFile());
    }

    @AfterEach
    void stop() {
        if (services != null) {
            services.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    private FakeStepContext context() {
        EnvVars env = new EnvVars();
        env.put("JOB_NAME", "deploy");
        env.put("BUILD_NUMBER", "9");
        return new FakeStepContext().with(services).with(new FakeTaskListener()).with(run).with(env)
                .with(new StepFunctionsSettings("us-east-1", FakeJenkinsServices.CREDENTIALS_ID, null, null,
                        engine.endpoint()));
    }

    @Test
    void aStatusChangeEventOnTheQueueWakesTheBuildBeforeItsSafetyPoll() throws Exception {
        engine.stateMachine("approval");
        String queueUrl = moto.sqs().createQueue(b -> b.queueName("jenkins-sfn-events")).queueUrl();
        SfnExecuteStep step = new SfnExecuteStep("approval");
        step.setWaitMode("sqs");
        step.setEventQueueUrl(queueUrl);
        FakeStepContext context = context();
        step.start(context).start();
        Eventually.until("the execution runs", () -> run.getAction(StepFunctionsRunAction.class) != null
                && !run.getAction(StepFunctionsRunAction.class).getExecutions().isEmpty());
        String arn = run.getAction(StepFunctionsRunAction.class).getExecutions().get(0).getExecutionArn();
        String token = engine.taskToken(arn);

        engine.sfn().sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));
        moto.sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody("{\"version\":\"0\",\"detail-type\":"
                + "\"Step Functions Execution Status Change\",\"source\":\"aws.states\",\"detail\":{\"executionArn\":\""
                + arn + "\",\"status\":\"SUCCEEDED\"}}"));

        assertThat(context.result().get(15, TimeUnit.SECONDS))
                .as("done well before the 30 s safety poll: the event woke the follower").isNotNull();
    }

    @Test
    void theQueuesListenerRunsOnThePluginsPoolWhileABuildWaitsAndStopsWhenNoBuildWaitsOnItAnyMore() throws Exception {
        engine.stateMachine("approval");
        String queueUrl = moto.sqs().createQueue(b -> b.queueName("jenkins-sfn-events-2")).queueUrl();
        SfnExecuteStep step = new SfnExecuteStep("approval");
        step.setWaitMode("sqs");
        step.setEventQueueUrl(queueUrl);
        FakeStepContext first = context().with(new FakeFlowNode("3"));
        FakeStepContext second = context().with(new FakeFlowNode("4"));
        step.start(first).start();
        step.start(second).start();
        Eventually.until("both executions wait for their approval", () -> run.getAction(StepFunctionsRunAction.class) != null
                && run.getAction(StepFunctionsRunAction.class).getExecutions().size() == 2);
        Eventually.until("both builds hold the queue's listener", () -> services.statusListenerUsers(queueUrl) == 2);
        assertThat(services.statusListener(queueUrl).isRunning()).isTrue();

        for (var record : run.getAction(StepFunctionsRunAction.class).getExecutions()) {
            String token = engine.taskToken(record.getExecutionArn());
            engine.sfn().sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));
        }
        first.result().get(60, TimeUnit.SECONDS);
        second.result().get(60, TimeUnit.SECONDS);

        Eventually.until("no build holds the queue's listener", () -> services.statusListenerUsers(queueUrl) == 0);
        assertThat(services.statusListener(queueUrl).isRunning()).as("no build waits on the queue any more").isFalse();
    }

    @Test
    void waitModeSqsWithoutAQueueAndCallbacksOnSfnAwaitAreRefusedNamingTheField() throws Exception {
        SfnExecuteStep noQueue = new SfnExecuteStep("approval");
        noQueue.setWaitMode("sqs");
        assertThatThrownBy(() -> noQueue.start(context()).start()).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("eventQueueUrl:");

        SfnAwaitStep await = new SfnAwaitStep("arn:aws:states:us-east-1:123456789012:execution:approval:x");
        await.setWaitMode("callback");
        FakeStepContext context = context();
        await.start(context).start();
        assertThatThrownBy(() -> context.result().get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(AbortException.class)
                .hasMessageContaining("waitMode: 'callback'");
    }
}
