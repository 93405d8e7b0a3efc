package io.jenkins.plugins.stepfunctions.cli.inprocess;

import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import io.jenkins.plugins.stepfunctions.bridge.watch.Advance;
import io.jenkins.plugins.stepfunctions.bridge.watch.ExecutionFollower;
import io.jenkins.plugins.stepfunctions.engine.server.EngineApi;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Drives a follower of an execution that runs in this process. The follower still reads the history through the
 * API and says when to look again, as it does against AWS; but where it would sleep, this driver first asks the
 * engine how long the history is ({@link EngineApi#historySize}, a field read): while events wait beyond what was
 * delivered, the next read starts at once. Otherwise it looks again every {@link #CHECK_NANOS} until the
 * follower's own delay (heartbeats of pending approvals, its idle polls) is over. No rate budget applies: nothing
 * leaves the process.
 */
public final class InProcessFollowing implements AutoCloseable {
    /** How often a waiting follower checks whether the history grew. */
    static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final CompletableFuture<Outcome> result = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean cancelled;
    private long reads;
    private long waits;

    private InProcessFollowing(ExecutionFollower follower, LongSupplier historySize) {
        thread = new Thread(() -> run(follower, historySize), "sfn-follow-in-process");
        thread.setDaemon(true);
    }

    /** Starts following on a thread of its own. */
    public static InProcessFollowing start(ExecutionFollower follower, EngineApi api) {
        return start(follower, () -> api.historySize(follower.executionArn()));
    }

    static InProcessFollowing start(ExecutionFollower follower, LongSupplier historySize) {
        InProcessFollowing following = new InProcessFollowing(follower, historySize);
        following.thread.start();
        return following;
    }

    /** Completes with the outcome once every event was delivered, or exceptionally as the follower failed. */
    public CompletableFuture<Outcome> result() {
        return result;
    }

    /** Advances of the follower so far (each reads history once, or a few times while paging). */
    public synchronized long reads() {
        return reads;
    }

    /** Times the driver waited because no event was waiting beyond what was delivered. */
    public synchronized long waits() {
        return waits;
    }

    private void run(ExecutionFollower follower, LongSupplier historySize) {
        try {
            while (!cancelled) {
                Advance advance = follower.advance();
                synchronized (this) {
                    reads++;
                }
                if (advance instanceof Advance.Finished finished) {
                    result.complete(finished.outcome());
                    return;
                }
                long delay = ((Advance.Again) advance).delay().toNanos();
                long until = System.nanoTime() + delay;
                boolean waited = false;
                while (!cancelled && delay > 0 && historySize.getAsLong() <= follower.state().cursor().lastEventId()) {
                    long left = until - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    waited = true;
                    LockSupport.parkNanos(Math.min(left, CHECK_NANOS));
                }
                if (waited) {
                    synchronized (this) {
                        waits++;
                    }
                }
            }
            result.cancel(false);
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
        }
    }

    /** Stops following (the execution itself goes on until the engine stops). */
    @Override
    public void close() {
        cancelled = true;
        LockSupport.unpark(thread);
    }
}
