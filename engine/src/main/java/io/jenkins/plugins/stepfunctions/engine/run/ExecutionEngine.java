package io.jenkins.plugins.stepfunctions.engine.run;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Runs executions: the interpreter's face to the API layer. Thread-safe; one per server.
 * PLACEHOLDER CONTRACT: the interpreter owner implements these methods.
 * Errors a caller can cause are {@link io.jenkins.plugins.stepfunctions.engine.ApiException}s
 * with AWS's names (TaskDoesNotExist, InvalidToken, TaskTimedOut, ActivityDoesNotExist ...).
 */
public final class ExecutionEngine implements AutoCloseable {
    private final EngineConfig config;

    public ExecutionEngine(EngineConfig config) {
        this.config = config;
    }

    public EngineConfig config() {
        return config;
    }

    /** Starts an execution; it runs on the engine's own threads. */
    public Execution start(StartRequest request) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void sendTaskSuccess(String taskToken, String output) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void sendTaskFailure(String taskToken, String error, String cause) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void sendTaskHeartbeat(String taskToken) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Registers an activity ARN so that Task states may schedule work on it. */
    public void registerActivity(String activityArn) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void deleteActivity(String activityArn) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * GetActivityTask long poll: completes with a task as soon as one is scheduled on the activity,
     * or empty after {@code maxWait} (AWS: 60 s).
     */
    public CompletableFuture<Optional<ActivityTask>> pollActivity(String activityArn, String workerName, Duration maxWait) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void close() {
    }
}
