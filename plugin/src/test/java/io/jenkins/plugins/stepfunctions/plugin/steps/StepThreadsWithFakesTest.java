package io.jenkins.plugins.stepfunctions.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.EnvVars;
import io.jenkins.plugins.stepfunctions.plugin.connect.StepFunctionsSettings;
import io.jenkins.plugins.stepfunctions.plugin.fakes.Engine;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeJenkinsServices;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeRun;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeStepContext;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeTaskListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which threads the Pipeline steps use and how they end: network calls and workspace I/O on the plugin's own pool
 * (never on Jenkins' shared Timer, never on the Pipeline VM thread), and every path that must complete the step
 * completes it, whatever it ends in. Fakes and the embedded engine, as in {@link PipelineStepsWithFakesTest}.
 */
class StepThreadsWithFakesTest {
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

    private FakeStepContext context(FakeJenkinsServices jenkins) {
        EnvVars env = new EnvVars();
        env.put("JOB_NAME", "shop/deploy");
        env.put("BUILD_NUMBER", "1");
        env.put("BUILD_TAG", "jenkins-shop-deploy-1");
        return new FakeStepContext().with(jenkins).with(log).with(run).with(env)
                .with(new StepFunctionsSettings("us-east-1", FakeJenkinsServices.CREDENTIALS_ID, null, null,
                        engine.endpoint()));
    }

    private static Object result(FakeStepContext context) throws Throwable {
        try {
            return context.result().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    @Test
    void networkCallsAndWorkspaceWritesRunOnThePluginsPoolNeverOnTheTimer() throws Throwable {
        engine.stateMachine("deploy-ok");
        SfnExecuteStep step = new SfnExecuteStep("deploy-ok");
        step.setInput("{\"version\":\"1.4.2\"}");
        step.setOutputFile("out/result.json");
        FakeStepContext context = context(services);

        assertThat(step.start(context).start()).isFalse();
        result(context);

        assertThat(log.text()).contains("Started execution", "SUCCEEDED");
        assertThat(log.writers()).as("start, history polls and the result file: all on the plugin's pool")
                .isNotEmpty().allMatch(name -> name.startsWith(FakeJenkinsServices.IO_THREADS));
    }

    @Test
    void anErrorWhileFinishingFailsTheStepInsteadOfLeavingTheBuildWaiting() throws Throwable {
        engine.stateMachine("deploy-ok");
        services.workspaceThrows(new NoSuchMethodError("hudson.FilePath.write"));
        SfnExecuteStep step = new SfnExecuteStep("deploy-ok");
        step.setInput("{\"version\":\"1.4.2\"}");
        step.setOutputFile("out/result.json");
        FakeStepContext context = context(services);

        step.start(context).start();

        assertThatThrownBy(() -> result(context)).isInstanceOf(NoSuchMethodError.class)
                .hasMessageContaining("hudson.FilePath.write");
    }

    @Test
    void anErrorInAOneShotCallFailsTheStepInsteadOfLeavingTheBuildWaiting() throws Throwable {
        services.workspaceThrows(new NoSuchMethodError("hudson.FilePath.readToString"));
        FakeStepContext context = context(services);

        new SfnValidateStep("machine.asl.json").start(context).start();

        assertThatThrownBy(() -> result(context)).isInstanceOf(NoSuchMethodError.class)
                .hasMessageContaining("hudson.FilePath.readToString");
    }
}
