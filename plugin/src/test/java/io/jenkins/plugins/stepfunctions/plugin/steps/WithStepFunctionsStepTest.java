package io.jenkins.plugins.stepfunctions.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.plugin.connect.StepFunctionsSettings;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeStepContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.Test;

/**
 * The block step with a fake body invoker: it records what the block hands its body and lets the test finish the
 * body. Not covered: CPS running the body, context lookup by the inner steps through Pipeline's own machinery.
 */
class WithStepFunctionsStepTest {

    @Test
    void theBodyRunsWithTheBlockSettingsMergedOverTheEnclosingBlock() throws Exception {
        RecordingBodyInvoker body = new RecordingBodyInvoker();
        FakeStepContext context = new FakeStepContext().withBody(body)
                .with(new StepFunctionsSettings("eu-west-1", "aws-prod", null, null, null));
        WithStepFunctionsStep step = new WithStepFunctionsStep();
        step.setRoleArn("arn:aws:iam::123456789012:role/deployer");
        step.setRegion("eu-central-1");

        StepExecution execution = step.start(context);
        assertThat(execution.start()).isFalse();

        StepFunctionsSettings given = (StepFunctionsSettings) body.contexts.get(0);
        assertThat(given.region()).isEqualTo("eu-central-1");
        assertThat(given.credentialsId()).isEqualTo("aws-prod");
        assertThat(given.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/deployer");
        assertThat(body.started).isTrue();

        body.callback.onSuccess(context, "body result");
        assertThat(context.result().get(1, TimeUnit.SECONDS)).isEqualTo("body result");
    }

    @Test
    void aFailingBodyFailsTheBlock() throws Exception {
        RecordingBodyInvoker body = new RecordingBodyInvoker();
        FakeStepContext context = new FakeStepContext().withBody(body);
        new WithStepFunctionsStep().start(context).start();

        body.callback.onFailure(context, new IllegalStateException("inner step failed"));

        assertThat(context.result()).isCompletedExceptionally();
    }

    private static final class RecordingBodyInvoker extends BodyInvoker {
        final List<Object> contexts = new ArrayList<>();
        BodyExecutionCallback callback;
        boolean started;

        @Override
        public BodyInvoker withContext(Object override) {
            contexts.add(override);
            return this;
        }

        @Override
        public BodyInvoker withDisplayName(String name) {
            return this;
        }

        @Override
        public BodyInvoker withCallback(BodyExecutionCallback callback) {
            this.callback = callback;
            return this;
        }

        @Override
        public BodyExecution start() {
            started = true;
            return new BodyExecution() {
                @Override
                public Collection<StepExecution> getCurrentExecutions() {
                    return List.of();
                }

                @Override
                public boolean cancel(boolean mayInterruptIfRunning) {
                    return false;
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }

                @Override
                public boolean isDone() {
                    return false;
                }

                @Override
                public Object get() {
                    return null;
                }

                @Override
                public Object get(long timeout, TimeUnit unit) {
                    return null;
                }
            };
        }
    }
}
