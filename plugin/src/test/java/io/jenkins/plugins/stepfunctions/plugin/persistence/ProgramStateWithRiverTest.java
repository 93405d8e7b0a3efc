package io.jenkins.plugins.stepfunctions.plugin.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import io.jenkins.plugins.stepfunctions.plugin.build.ExecutionRecord;
import io.jenkins.plugins.stepfunctions.plugin.build.StepFunctionsRunAction;
import io.jenkins.plugins.stepfunctions.plugin.connect.StepFunctionsSettings;
import io.jenkins.plugins.stepfunctions.plugin.fakes.Engine;
import io.jenkins.plugins.stepfunctions.plugin.fakes.Eventually;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeJenkinsServices;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeRun;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeStepContext;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeTaskListener;
import io.jenkins.plugins.stepfunctions.plugin.steps.SfnExecuteStep;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.marshalling.Marshaller;
import org.jboss.marshalling.MarshallerFactory;
import org.jboss.marshalling.Marshalling;
import org.jboss.marshalling.MarshallingConfiguration;
import org.jboss.marshalling.ObjectResolver;
import org.jboss.marshalling.SimpleClassResolver;
import org.jboss.marshalling.Unmarshaller;
import org.jboss.marshalling.river.RiverMarshallerFactory;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A following step written and read back the way Pipeline persists its program ({@code program.dat}):
 * JBoss Marshalling's River protocol, as workflow-support's RiverWriter/RiverReader use it, with the step's
 * context swapped for a handle (CPS pickles it the same way). Written mid-follow with a pending approval,
 * read back by a "restarted" controller, and driven on against the engine to its end.
 */
class ProgramStateWithRiverTest {
    @TempDir
    Path dir;

    private final Engine engine;

    ProgramStateWithRiverTest() throws IOException {
        engine = new Engine();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private FakeStepContext context(FakeRun build, FakeJenkinsServices jenkins, FakeTaskListener listener) {
        EnvVars env = new EnvVars();
        env.put("JOB_NAME", "shop/deploy");
        env.put("BUILD_NUMBER", "7");
        env.put("BUILD_TAG", "jenkins-shop-deploy-7");
        return new FakeStepContext().with(jenkins).with(listener).with(build).with(env)
                .with(new StepFunctionsSettings("us-east-1", FakeJenkinsServices.CREDENTIALS_ID, null, null,
                        engine.endpoint()));
    }

    @Test
    void aStepWrittenWithRiverMidFollowWithAPendingApprovalResumesAndIsAnsweredOnce() throws Exception {
        engine.stateMachine("approval");
        FakeRun build = new FakeRun(dir.resolve("build").toFile());
        FakeJenkinsServices first = new FakeJenkinsServices(dir.resolve("workspace")).actingAs("alice");
        FakeTaskListener firstLog = new FakeTaskListener();
        FakeStepContext firstContext = context(build, first, firstLog);
        SfnExecuteStep step = new SfnExecuteStep("approval");
        step.setApprovals("page"); // the fakes have no pipeline-input-step
        StepExecution execution = step.start(firstContext);
        execution.start();
        Eventually.until("the approval is pending", () -> build.getAction(StepFunctionsRunAction.class) != null
                && !build.getAction(StepFunctionsRunAction.class).getExecutions().isEmpty()
                && !build.getAction(StepFunctionsRunAction.class).getExecutions().get(0).getPendingApprovals().isEmpty());
        String arn = build.getAction(StepFunctionsRunAction.class).getExecutions().get(0).getExecutionArn();

        byte[] programDat = write(execution, firstContext);
        first.close();

        FakeJenkinsServices restarted = new FakeJenkinsServices(dir.resolve("workspace")).actingAs("alice");
        FakeTaskListener afterLog = new FakeTaskListener();
        FakeStepContext afterContext = context(build, restarted, afterLog);
        try {
            StepExecution resumed = read(programDat, afterContext);
            assertThat(resumed).isNotSameAs(execution).hasSameClassAs(execution);
            resumed.onResume();
            Eventually.until("the resumed follower follows again", () -> restarted.activeExecutions().isFollowing(arn));
            StepFunctionsRunAction action = StepFunctionsRunAction.of(build, restarted);
            ExecutionRecord record = action.getExecutions().get(0);
            String approvalId = record.getPendingApprovals().get(0).getId();

            assertThat(action.decide(arn, approvalId, true, "after a restart", null).httpStatus()).isEqualTo(303);
            assertThat(action.decide(arn, approvalId, true, "twice", null).httpStatus()).as("answered once").isEqualTo(409);

            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) afterContext.result().get(30, TimeUnit.SECONDS);
            assertThat(result).containsEntry("status", "SUCCEEDED");
            assertThat(afterLog.lines().get(0)).startsWith("Resuming to follow " + arn);
            assertThat(afterLog.text()).doesNotContain("> Stage (Pass)").contains("< Approve (Task)");
        } finally {
            restarted.close();
        }
    }

    /** What CPS writes in place of the step's context: a pickle, resolved to the new context on load. */
    private record ContextPickle() implements Serializable {
    }

    private static MarshallingConfiguration configuration(ObjectResolver resolver) {
        MarshallingConfiguration config = new MarshallingConfiguration();
        config.setVersion(3);
        config.setClassResolver(new SimpleClassResolver(ProgramStateWithRiverTest.class.getClassLoader()));
        config.setObjectResolver(resolver);
        return config;
    }

    private static byte[] write(StepExecution execution, FakeStepContext context) throws IOException {
        MarshallerFactory factory = new RiverMarshallerFactory();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Marshaller marshaller = factory.createMarshaller(configuration(new ObjectResolver() {
            @Override
            public Object readResolve(Object replacement) {
                return replacement;
            }

            @Override
            public Object writeReplace(Object original) {
                return original == context ? new ContextPickle() : original;
            }
        }));
        marshaller.start(Marshalling.createByteOutput(bytes));
        marshaller.writeObject(execution);
        marshaller.finish();
        return bytes.toByteArray();
    }

    private static StepExecution read(byte[] programDat, FakeStepContext context) throws IOException, ClassNotFoundException {
        Unmarshaller unmarshaller = new RiverMarshallerFactory().createUnmarshaller(configuration(new ObjectResolver() {
            @Override
            public Object readResolve(Object replacement) {
                return replacement instanceof ContextPickle ? context : replacement;
            }

            @Override
            public Object writeReplace(Object original) {
                return original;
            }
        }));
        unmarshaller.start(Marshalling.createByteInput(new ByteArrayInputStream(programDat)));
        StepExecution execution = (StepExecution) unmarshaller.readObject();
        unmarshaller.finish();
        return execution;
    }
}
