package io.jenkins.plugins.stepfunctions.bridge.watch;

import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Follows many executions with a few threads: each follower is advanced by a scheduled task and
 * rescheduled after the delay it asks for, never sleeping on a thread. Followers that are due wait in
 * one first-come-first-served lane per account/region key, which lets them through only as fast as
 * that key's {@link RateBudget} allows, so a thousand builds do not throttle their account.
 *
 * <p>The scheduled executor only keeps time; the advances (the history calls) run on the worker executor,
 * which may be the same one, or a separate pool so that a shared timer never waits for the network.
 */
public final class FollowScheduler implements AutoCloseable {
    private final ScheduledExecutorService executor;
    private final Executor worker;
    private final boolean ownsExecutor;
    private final Function<String, RateBudget> budgetFactory;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Map<String, Task> byExecution = new ConcurrentHashMap<>();

    public FollowScheduler(ScheduledExecutorService executor, Function<String, RateBudget> budgetFactory) {
        this(executor, executor, false, budgetFactory);
    }

    /**
     * @param timer  only schedules (never runs a call)
     * @param worker runs the advances, each one history call
     */
    public FollowScheduler(ScheduledExecutorService timer, Executor worker, Function<String, RateBudget> budgetFactory) {
        this(timer, worker, false, budgetFactory);
    }

    private FollowScheduler(ScheduledExecutorService executor, Executor worker, boolean owns,
            Function<String, RateBudget> budgetFactory) {
        this.executor = executor;
        this.worker = worker;
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
        return new FollowScheduler(ex, ex, true, key -> new RateBudget(callsPerSecond));
    }

    public static FollowScheduler create() {
        return create(2, RateBudget.DEFAULT_CALLS_PER_SECOND);
    }

    public RateBudget budget(String key) {
        return lane(key).budget;
    }

    private Lane lane(String key) {
        return lanes.computeIfAbsent(key, k -> new Lane(budgetFactory.apply(k)));
    }

    /** Starts advancing the follower now; {@code budgetKey} is usually {@code Connection.budgetKey()}. */
    public Following follow(ExecutionFollower follower, String budgetKey) {
        Task task = new Task(follower, lane(budgetKey));
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

    /** Due followers of one budget, let through one token at a time. */
    private final class Lane {
        private final RateBudget budget;
        private final Queue<Task> due = new ConcurrentLinkedQueue<>();
        private boolean drainScheduled;

        Lane(RateBudget budget) {
            this.budget = budget;
        }

        void enqueue(Task t) {
            due.add(t);
            drain();
        }

        synchronized void drain() {
            while (!due.isEmpty()) {
                Duration wait = budget.tryTake();
                if (!wait.isZero()) {
                    if (!drainScheduled) {
                        drainScheduled = true;
                        executor.schedule(this::scheduledDrain, wait.toNanos(), TimeUnit.NANOSECONDS);
                    }
                    return;
                }
                Task t = due.poll();
                try {
                    worker.execute(t::advance);
                } catch (RejectedExecutionException shutDown) {
                    t.result.completeExceptionally(shutDown);
                }
            }
        }

        private void scheduledDrain() {
            synchronized (this) {
                drainScheduled = false;
            }
            drain();
        }
    }

    private final class Task implements Following {
        private final ExecutionFollower follower;
        private final Lane lane;
        private final CompletableFuture<Outcome> result = new CompletableFuture<>();
        private ScheduledFuture<?> next;
        /** Due or running: a wake-up then only marks the follower, the next delay will be short. */
        private boolean busy;

        Task(ExecutionFollower follower, Lane lane) {
            this.follower = follower;
            this.lane = lane;
        }

        synchronized void schedule(Duration delay) {
            if (result.isDone()) {
                return;
            }
            next = executor.schedule(this::due, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        }

        private void due() {
            synchronized (this) {
                if (result.isDone() || busy) {
                    return;
                }
                busy = true;
                next = null;
            }
            lane.enqueue(this);
        }

        void advance() {
            Duration again = null;
            try {
                if (result.isDone()) {
                    return;
                }
                long callsBefore = follower.stats().calls();
                Advance a = follower.advance();
                lane.budget.charge((int) (follower.stats().calls() - callsBefore) - 1);
                if (a instanceof Advance.Finished f) {
                    result.complete(f.outcome());
                } else {
                    again = ((Advance.Again) a).delay();
                }
            } catch (Throwable e) {
                // an Error too (a NoSuchMethodError from a mismatched SDK): the waiting build must hear of it
                result.completeExceptionally(e);
            } finally {
                synchronized (this) {
                    busy = false;
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
        public void wake() {
            follower.wake();
            boolean now;
            synchronized (this) {
                now = !busy && next != null && next.cancel(false);
                if (now) {
                    next = null;
                }
            }
            if (now) {
                due();
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
