package io.jenkins.plugins.stepfunctions.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.EnvVars;
import io.jenkins.plugins.stepfunctions.plugin.connect.StepFunctionsSettings;
import io.jenkins.plugins.stepfunctions.plugin.build.StepFunctionsRunAction;
import io.jenkins.plugins.stepfunctions.plugin.fakes.Engine;
import io.jenkins.plugins.stepfunctions.plugin.fakes.Eventually;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeJenkinsServices;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeRun;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeStepContext;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeTaskListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
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

    @Test
    void startReturnsAtOnceWhileTheCredentialIsResolvedOnThePluginsPool() throws Throwable {
        engine.stateMachine("deploy-ok");
        CountDownLatch gate = new CountDownLatch(1);
        services.credentialsWaitFor(gate);
        SfnExecuteStep step = new SfnExecuteStep("deploy-ok");
        step.setInput("{\"version\":\"1.4.2\"}");
        FakeStepContext context = context(services);
        StepExecution execution = step.start(context);

        CompletableFuture<Boolean> started = CompletableFuture.supplyAsync(() -> {
            try {
                return execution.start();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });

        assertThat(started.get(5, TimeUnit.SECONDS)).as("start() returned while the credential was still resolving")
                .isFalse();
        gate.countDown();
        assertThat(result(context)).isNotNull();
        assertThat(services.credentialThreads()).isNotEmpty()
                .allMatch(name -> name.startsWith(FakeJenkinsServices.IO_THREADS));
    }

    @Test
    void savingTheProgramDoesNotWaitForAHistoryCallInFlight() throws Throwable {
        try (SilentEndpoint silent = new SilentEndpoint()) {
            FakeStepContext context = new FakeStepContext().with(services).with(log).with(run).with(new EnvVars())
                    .with(new StepFunctionsSettings("us-east-1", FakeJenkinsServices.CREDENTIALS_ID, null, null,
                            silent.url()));
            StepExecution execution = new SfnAwaitStep(
                    "arn:aws:states:us-east-1:123456789012:execution:deploy-ok:build-1").start(context);
            execution.start();
            assertThat(silent.requested.await(10, TimeUnit.SECONDS)).as("the follower called the endpoint").isTrue();

            CompletableFuture<byte[]> saved = CompletableFuture.supplyAsync(() -> save(execution, context));

            assertThat(saved.get(5, TimeUnit.SECONDS)).as("the program was saved while the call was in flight")
                    .isNotEmpty();
        }
    }

    @Test
    void stoppingTwiceWhileFollowingCompletesTheStepOnceAndStopsTheExecution() throws Throwable {
        engine.stateMachine("approval");
        FakeStepContext context = context(services);
        StepExecution execution = new SfnExecuteStep("approval").start(context);
        execution.start();
        Eventually.until("the approval is pending", () -> pendingApproval(run));
        String arn = run.getAction(StepFunctionsRunAction.class).getExecutions().get(0).getExecutionArn();

        execution.stop(new InterruptedException("aborted"));
        execution.stop(new InterruptedException("aborted again"));

        assertThatThrownBy(() -> result(context)).isInstanceOf(InterruptedException.class);
        Eventually.until("the execution is stopped", () -> engine.status(arn).equals("ABORTED"));
        Thread.sleep(200);
        assertThat(context.completions()).isEqualTo(1);
    }

    @Test
    void aStopThatArrivesBeforeOnResumeIsHonouredWhenTheStepResumes() throws Throwable {
        engine.stateMachine("approval");
        FakeStepContext before = context(services);
        StepExecution execution = new SfnExecuteStep("approval").start(before);
        execution.start();
        Eventually.until("the approval is pending", () -> pendingApproval(run));
        String arn = run.getAction(StepFunctionsRunAction.class).getExecutions().get(0).getExecutionArn();
        byte[] saved = save(execution, before);
        services.close();

        FakeJenkinsServices restarted = new FakeJenkinsServices(dir.resolve("workspace"));
        try {
            FakeStepContext after = context(restarted);
            StepExecution loaded = load(saved, after);
            loaded.stop(new InterruptedException("aborted while loading"));
            loaded.onResume();

            assertThatThrownBy(() -> result(after)).isInstanceOf(InterruptedException.class);
            Eventually.until("the execution is stopped", () -> engine.status(arn).equals("ABORTED"));
            Thread.sleep(200);
            assertThat(after.completions()).isEqualTo(1);
            assertThat(restarted.activeExecutions().isFollowing(arn)).as("nothing follows a stopped step").isFalse();
        } finally {
            restarted.close();
        }
    }

    private static boolean pendingApproval(FakeRun build) {
        StepFunctionsRunAction action = build.getAction(StepFunctionsRunAction.class);
        return action != null && !action.getExecutions().isEmpty()
                && !action.getExecutions().get(0).getPendingApprovals().isEmpty();
    }

    private static StepExecution load(byte[] saved, FakeStepContext context) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(saved)) {
            {
                enableResolveObject(true);
            }

            @Override
            protected Object resolveObject(Object obj) {
                return "context".equals(obj) ? context : obj;
            }
        }) {
            return (StepExecution) in.readObject();
        }
    }

    /** Writes the step execution as Pipeline saves it, with the context replaced, as CPS does. */
    private static byte[] save(StepExecution execution, FakeStepContext context) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes) {
            {
                enableReplaceObject(true);
            }

            @Override
            protected Object replaceObject(Object obj) {
                return obj == context ? "context" : obj;
            }
        }) {
            out.writeObject(execution);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Accepts connections and reads requests but never answers: a call to it stays in flight. */
    private static final class SilentEndpoint implements AutoCloseable {
        final CountDownLatch requested = new CountDownLatch(1);
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        SilentEndpoint() throws IOException {
            Thread accept = new Thread(() -> {
                try {
                    while (true) {
                        Socket socket = server.accept();
                        held.add(socket);
                        requested.countDown();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "silent-endpoint");
            accept.setDaemon(true);
            accept.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
