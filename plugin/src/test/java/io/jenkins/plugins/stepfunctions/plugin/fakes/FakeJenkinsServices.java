package io.jenkins.plugins.stepfunctions.plugin.fakes;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import io.jenkins.plugins.stepfunctions.bridge.approval.ApproverRule;
import io.jenkins.plugins.stepfunctions.bridge.callback.CallbackRegistry;
import io.jenkins.plugins.stepfunctions.bridge.callback.SharedStatusListeners;
import io.jenkins.plugins.stepfunctions.bridge.callback.SqsStatusListener;
import io.jenkins.plugins.stepfunctions.bridge.connect.Connection;
import io.jenkins.plugins.stepfunctions.bridge.connect.CredentialsSpec;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowScheduler;
import io.jenkins.plugins.stepfunctions.bridge.watch.PollingPolicy;
import io.jenkins.plugins.stepfunctions.bridge.watch.RateBudget;
import io.jenkins.plugins.stepfunctions.plugin.connect.SecurityPolicy;
import io.jenkins.plugins.stepfunctions.plugin.runtime.ActiveExecutions;
import io.jenkins.plugins.stepfunctions.plugin.runtime.JenkinsServices;
import io.jenkins.plugins.stepfunctions.plugin.runtime.WorkspaceFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Jenkins' services for tests: a two-thread scheduler (threads {@value #TIMER_THREADS}N) in place of Jenkins' shared Timer
 * and a two-thread pool (threads {@value #IO_THREADS}N) in place of the plugin's own, polling 20 times
 * faster (in callback mode every 30 s once idle), one credential ({@value #CREDENTIALS_ID}) holding the embedded engine's dummy keys, a workspace in a
 * temporary folder, a settable current user. Limits: no credentials plugin lookup or usage tracking, no
 * remoting (the workspace is local), console links rendered as {@code text <url>}.
 */
public final class FakeJenkinsServices implements JenkinsServices, AutoCloseable {
    public static final String CREDENTIALS_ID = "engine-keys";
    public static final String TIMER_THREADS = "fake-timer-";
    public static final String IO_THREADS = "fake-io-";
    /**
     * In callback mode: quick polls while events arrive (or right after a callback), then straight to a poll
     * every 30 s once idle, so that a test ending sooner proves that the callback woke the build.
     */
    private static final PollingPolicy SAFETY_POLL_ONLY = new PollingPolicy(Duration.ofMillis(100),
            Duration.ofSeconds(30), 1000.0, 0.0, Duration.ofSeconds(30), 1.0);

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, named(TIMER_THREADS));
    private final ExecutorService io = Executors.newFixedThreadPool(2, named(IO_THREADS));
    private final FollowScheduler scheduler = new FollowScheduler(timer, io, key -> new RateBudget(1000));
    private final Set<String> credentialThreads = ConcurrentHashMap.newKeySet();
    private volatile Throwable workspaceError;
    private volatile CountDownLatch credentialsGate = new CountDownLatch(0);
    private final ActiveExecutions active = new ActiveExecutions();
    private final CallbackRegistry callbacks = new CallbackRegistry(active::wake);
    private final SharedStatusListeners statusListeners = new SharedStatusListeners();
    private final Map<String, SqsStatusListener> startedStatusListeners = new ConcurrentHashMap<>();
    private volatile SqsClient eventsSqs;
    private final Path workspace;
    private volatile String user;
    private volatile List<String> groups = List.of();
    private volatile boolean administrator;

    private SecurityPolicy policy = SecurityPolicy.SAFE;

    public FakeJenkinsServices(Path workspace) {
        this.workspace = workspace;
    }

    public FakeJenkinsServices actingAs(String userId, String... authorities) {
        this.user = userId;
        this.groups = List.of(authorities);
        return this;
    }

    /** What an administrator allowed; the fakes start from the plugin's safe defaults. */
    public FakeJenkinsServices allowing(SecurityPolicy policy) {
        this.policy = policy;
        return this;
    }

    @Override
    public SecurityPolicy securityPolicy() {
        return policy;
    }

    public FakeJenkinsServices administrator(boolean admin) {
        this.administrator = admin;
        return this;
    }

    @Override
    public FollowScheduler followScheduler() {
        return scheduler;
    }

    @Override
    public PollingPolicy pollingPolicy(boolean callbacks) {
        return callbacks ? SAFETY_POLL_ONLY : PollingPolicy.defaults().scaled(0.05);
    }

    @Override
    public CallbackRegistry callbacks() {
        return callbacks;
    }

    /** Status-change events come from this SQS (moto), whatever the connection says: the engine has no SQS. */
    public FakeJenkinsServices eventsFrom(SqsClient sqs) {
        this.eventsSqs = sqs;
        return this;
    }

    @Override
    public SharedStatusListeners.Subscription listenToStatusEvents(Connection connection, String queueUrl) {
        if (eventsSqs == null) {
            throw new IllegalStateException("this test gave the fake no SQS to read status-change events from");
        }
        // as the live services do: on the fake's io pool, counted per queue
        return statusListeners.subscribe(queueUrl, () -> {
            SqsStatusListener listener = new SqsStatusListener(eventsSqs, queueUrl, callbacks).start(io, timer);
            startedStatusListeners.put(queueUrl, listener);
            return listener;
        });
    }

    /** How many builds hold the listener of the queue (0: none runs). */
    public int statusListenerUsers(String queueUrl) {
        return statusListeners.users(queueUrl);
    }

    /** The listener last started for the queue, running or stopped; null if none was. */
    public SqsStatusListener statusListener(String queueUrl) {
        return startedStatusListeners.get(queueUrl);
    }

    @Override
    public ScheduledExecutorService timer() {
        return timer;
    }

    @Override
    public ExecutorService executor() {
        return io;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Names of the threads that looked up a credential. */
    public Set<String> credentialThreads() {
        return Set.copyOf(credentialThreads);
    }

    /** Credential lookups wait until {@code gate} opens (a slow credentials provider, an STS call). */
    public FakeJenkinsServices credentialsWaitFor(CountDownLatch gate) {
        this.credentialsGate = gate;
        return this;
    }

    /** Every later workspace read and write throws this (an Error stands for a linkage problem in a real controller). */
    public FakeJenkinsServices workspaceThrows(Throwable error) {
        this.workspaceError = error;
        return this;
    }

    @Override
    public ActiveExecutions activeExecutions() {
        return active;
    }

    @Override
    public CredentialsSpec credentials(String credentialsId, Run<?, ?> run) throws IOException {
        credentialThreads.add(Thread.currentThread().getName());
        try {
            credentialsGate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while resolving the credential", e);
        }
        if (!CREDENTIALS_ID.equals(credentialsId)) {
            throw new AbortException("credentialsId: no credential '" + credentialsId + "'");
        }
        return CredentialsSpec.StaticKeys.of("AKIAENGINEFAKE", "engine-secret-key");
    }

    @Override
    public WorkspaceFiles workspace(FilePath ignored) {
        return new WorkspaceFiles() {
            @Override
            public String read(String relativePath) throws IOException {
                failIfAsked();
                Path file = workspace.resolve(relativePath);
                if (!Files.exists(file)) {
                    throw new AbortException(relativePath + ": no such file in the workspace");
                }
                return Files.readString(file, StandardCharsets.UTF_8);
            }

            @Override
            public void write(String relativePath, String content) throws IOException {
                failIfAsked();
                Path file = workspace.resolve(relativePath);
                Files.createDirectories(file.getParent());
                Files.writeString(file, content, StandardCharsets.UTF_8);
            }

            @Override
            public <T extends java.io.Serializable> T runThere(WorkspaceTask<T> task) throws IOException, InterruptedException {
                failIfAsked();
                return task.run(workspace);
            }
        };
    }

    private void failIfAsked() {
        Throwable error = workspaceError;
        if (error instanceof Error e) {
            throw e;
        } else if (error instanceof RuntimeException e) {
            throw e;
        }
    }

    @Override
    public String consoleLink(String url, String text) {
        return text + " <" + url + ">";
    }

    @Override
    public String rootUrl() {
        return "http://jenkins.example/";
    }

    @Override
    public String currentUserId() {
        return user;
    }

    @Override
    public ApproverRule approverRule() {
        return ApproverRule.CASE_INSENSITIVE; // Jenkins' default IdStrategy for users and groups
    }

    @Override
    public List<String> currentUserGroups() {
        return groups;
    }

    @Override
    public boolean currentUserIsAdministrator() {
        return administrator;
    }

    /** A controller shutting down: following stops, executions go on. */
    @Override
    public void close() {
        statusListeners.close();
        scheduler.close();
        timer.shutdownNow();
        io.shutdownNow();
    }
}
