package io.jenkins.plugins.stepfunctions.bridge.watch;

import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Follows many executions with a few threads: each follower is advanced by a scheduled task and
 * rescheduled after the delay it asks for, never sleeping on a thread. Calls share one
 * {@link RateBudget} per account/region key, so a thousand builds do not throttle their account.
 */
public final class FollowScheduler implements AutoCloseable {
    private final ScheduledExecutorService executor;
    private final boolean ownsExecutor;
    private final Function<String, RateBudget> budgetFactory;
    private final Map<String, RateBudget> budgets = new ConcurrentHashMap<>();
    private final Map<String, Task> byExecution = new ConcurrentHashMap<>();

    public FollowScheduler(ScheduledExecutorService executor, Function<String, RateBudget> budgetFactory) {
        this(executor, false, budgetFactory);
    }

    private FollowScheduler(ScheduledExecutorService executor, boolean owns, Function<String, RateBudget> budgetFactory) {
        this.executor = executor;
        this.ownsExecutor = owns;
        this.budgetFactory = budgetFactory;
    }

    /** A scheduler with its own daemon threads and {@code callsPerSecond} per account/region. */
    public static FollowScheduler create(int threads, double callsPerSecond) {
        AtomicInteger n = new AtomicInteger();
        ScheduledExecutorService ex = Executors.newScheduledThreadPool(threads, r -> {
            Thread t = new Thread(r, "sfn-follow-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new FollowScheduler(ex, true, key -> new RateBudget(callsPerSecond));
    }

    public static FollowScheduler create() {
        return create(2, RateBudget.DEFAULT_CALLS_PER_SECOND);
    }

    public RateBudget budget(String key) {
        return budgets.computeIfAbsent(key, budgetFactory);
    }

    /** Starts advancing the follower now; {@code budgetKey} is usually {@code Connection.budgetKey()}. */
    public Following follow(ExecutionFollower follower, String budgetKey) {
        Task task = new Task(follower, budget(budgetKey));
        byExecution.put(follower.executionArn(), task);
        task.result.whenComplete((o, e) -> byExecution.remove(follower.executionArn(), task));
        task.schedule(Duration.ZERO);
        return task;
    }

    /** Wakes the follower of an execution, if this scheduler follows it (callbacks land here). */
    public boolean wake(String executionArn) {
        Task t = byExecution.get(executionArn);
        if (t != null) {
            t.wake();
        }
        return t != null;
    }

    public int following() {
        return byExecution.size();
    }

    @Override
    public void close() {
        byExecution.values().forEach(Task::cancel);
        if (ownsExecutor) {
            executor.shutdownNow();
        }
    }

    private final class Task implements Following, Runnable {
        private final ExecutionFollower follower;
        private final RateBudget budget;
        private final CompletableFuture<Outcome> result = new CompletableFuture<>();
        private ScheduledFuture<?> next;
        private boolean running;
        private boolean reserved;

        Task(ExecutionFollower follower, RateBudget budget) {
            this.follower = follower;
            this.budget = budget;
        }

        synchronized void schedule(Duration delay) {
            if (result.isDone()) {
                return;
            }
            next = executor.schedule(this, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        }

        @Override
        public void run() {
            synchronized (this) {
                if (result.isDone() || running) {
                    return;
                }
                if (!reserved) {
                    Duration wait = budget.reserve();
                    if (!wait.isZero()) {
                        reserved = true;
                        next = executor.schedule(this, wait.toNanos(), TimeUnit.NANOSECONDS);
                        return;
                    }
                }
                reserved = false;
                running = true;
            }
            Duration again = null;
            try {
                long callsBefore = follower.stats().calls();
                Advance a = follower.advance();
                budget.charge((int) (follower.stats().calls() - callsBefore) - 1);
                if (a instanceof Advance.Finished f) {
                    result.complete(f.outcome());
                } else {
                    again = ((Advance.Again) a).delay();
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                synchronized (this) {
                    running = false;
                }
            }
            if (again != null) {
                schedule(again);
            }
        }

        @Override
        public ExecutionFollower follower() {
            return follower;
        }

        @Override
        public CompletableFuture<Outcome> result() {
            return result;
        }

        @Override
        public synchronized void wake() {
            follower.wake();
            if (!running && !reserved && next != null && next.cancel(false)) {
                schedule(Duration.ZERO);
            }
        }

        @Override
        public synchronized void cancel() {
            if (next != null) {
                next.cancel(false);
            }
            result.completeExceptionally(new CancellationException("stopped following " + follower.executionArn()));
        }
    }
}
