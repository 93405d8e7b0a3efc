package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.engine.ApiException;
import io.jenkins.plugins.stepfunctions.engine.mock.MockConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs executions: the interpreter's face to the API layer. Thread-safe; one per server.
 * Executions run on a small worker pool and wait on one timer thread, so a waiting execution
 * costs memory, never a thread. Errors a caller can cause are {@link ApiException}s with AWS's
 * names (TaskDoesNotExist, InvalidToken, TaskTimedOut, ActivityDoesNotExist ...).
 */
public final class ExecutionEngine implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EngineConfig config;
    private final EngineServices services;
    private final ExecutionJournal journal;

    public ExecutionEngine(EngineConfig config) {
        this(config, ExecutionJournal.NONE);
    }

    /** An engine that writes its executions down in {@code journal} as they go (a data directory). */
    public ExecutionEngine(EngineConfig config, ExecutionJournal journal) {
        this.config = config;
        this.journal = journal;
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, daemon("sfn-timer"));
        timers.setRemoveOnCancelPolicy(true);
        ExecutorService workers = Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("sfn-worker"));
        LazyHttpClient http = new LazyHttpClient();
        this.services = new EngineServices(config.clock(), config.timeScale(), workers, timers, new TaskTokens(),
                new Activities(timers), new MockConfig(config.mockConfig()),
                new StatusChangeNotifier(config.statusChangeListener(), http, config.clock()), http,
                new HttpInvokeGuard(config.httpInvokeHosts()), new Random(),
                config.s3Dir() == null ? null : new S3Folder(config.s3Dir()));
    }

    public EngineConfig config() {
        return config;
    }

    /** Starts an execution; it runs on the engine's own threads. */
    public Execution start(StartRequest request) {
        JsonNode input;
        try {
            input = MAPPER.readTree(request.input() == null ? "{}" : request.input());
        } catch (JsonProcessingException e) {
            throw new ApiException("InvalidExecutionInput", "Invalid State Machine Execution Input: '"
                    + e.getOriginalMessage() + "': send the input as a JSON text, such as {}.");
        }
        ExecutionRun run = new ExecutionRun(services, request, null, services.clock().instant(), journal);
        run.begin(input);
        return run;
    }

    /**
     * An execution a data directory kept, as it was; a RUNNING one resumes: a Wait at its deadline, a
     * Task waiting for a token with the same token (an activity task is queued again), anything else by
     * running its top-level state again.
     */
    public Execution restore(StartRequest request, SavedExecution saved) {
        return ExecutionRun.restore(services, request, saved, journal);
    }

    /**
     * TestState: runs one state once, through the same state code as an execution, and completes
     * with how it ended and its inspection data. Nothing is followed: its Next, a catcher's Next and a
     * retry are reported. Cancel (or complete) the future to drop a run that takes too long.
     */
    public CompletableFuture<StateTestResult> testState(StateTestRequest request) {
        return StateTest.run(services, request);
    }

    public void sendTaskSuccess(String taskToken, String output) {
        try {
            MAPPER.readTree(output);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ApiException("InvalidOutput", "Invalid Output: the task output must be JSON text, such as {}.");
        }
        services.tokens().success(taskToken, output);
    }

    public void sendTaskFailure(String taskToken, String error, String cause) {
        services.tokens().failure(taskToken, error, cause);
    }

    public void sendTaskHeartbeat(String taskToken) {
        services.tokens().heartbeat(taskToken);
    }

    /** Registers an activity ARN so that Task states may schedule work on it. */
    public void registerActivity(String activityArn) {
        services.activities().register(activityArn);
    }

    public void deleteActivity(String activityArn) {
        services.activities().delete(activityArn);
    }

    /**
     * GetActivityTask long poll: completes with a task as soon as one is scheduled on the activity,
     * or empty after {@code maxWait} (AWS: 60 s).
     */
    public CompletableFuture<Optional<ActivityTask>> pollActivity(String activityArn, String workerName,
                                                                  Duration maxWait) {
        return services.activities().poll(activityArn, workerName, maxWait);
    }

    /**
     * Ends a pending {@link #pollActivity} whose client went away, so that no task is handed to it;
     * false when a task had already been given to it.
     */
    public boolean abandonActivityPoll(String activityArn, CompletableFuture<Optional<ActivityTask>> poll) {
        return services.activities().abandon(activityArn, poll);
    }

    /** The header name every http:invoke request of this engine carries, with {@link #httpInvokeMarker()}. */
    public static final String HTTP_INVOKE_MARKER_HEADER = HttpInvokeGuard.MARKER_HEADER;

    /**
     * This engine's marker on its http:invoke requests: the API server that hosts the engine refuses a
     * request that carries it, so no definition reaches its own engine's API, by whatever name.
     */
    public String httpInvokeMarker() {
        return services.httpInvokeGuard().marker();
    }

    /** Refuses http:invoke calls to {@code api}, the address this engine's API is served on (any local name for it). */
    public void refuseHttpInvokeTo(java.net.InetSocketAddress api) {
        services.httpInvokeGuard().refuse(api);
    }

    /**
     * Stops the timers and the workers. With a journal, waits up to 2 s for the workers to leave the step they
     * are in, so that an execution that just ended is written down before the process goes.
     */
    @Override
    public void close() {
        services.timers().shutdownNow();
        services.workers().shutdownNow();
        if (journal != ExecutionJournal.NONE) {
            try {
                services.workers().awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
