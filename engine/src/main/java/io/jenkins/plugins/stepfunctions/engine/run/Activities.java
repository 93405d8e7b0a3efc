package io.jenkins.plugins.stepfunctions.engine.run;

import io.jenkins.plugins.stepfunctions.engine.ApiException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Activity task queues: work scheduled by Task states, handed to GetActivityTask long polls. */
final class Activities {
    /**
     * One scheduled activity task; {@code started} gets the worker name when a worker takes it,
     * {@code wanted} says whether the task still waits for one (its execution may have ended).
     */
    static final class Work {
        final ActivityTask task;
        final Consumer<String> started;
        final BooleanSupplier wanted;

        Work(ActivityTask task, Consumer<String> started, BooleanSupplier wanted) {
            this.task = task;
            this.started = started;
            this.wanted = wanted;
        }
    }

    /**
     * A pending long poll. Exactly one of a task, the poll's timeout, the activity's deletion or the
     * client going away {@link #claim() claims} it, so a task is never handed to a poll that has ended.
     */
    private static final class Waiter {
        final String workerName;
        final CompletableFuture<Optional<ActivityTask>> future;
        private final java.util.concurrent.atomic.AtomicBoolean claimed = new java.util.concurrent.atomic.AtomicBoolean();

        Waiter(String workerName, CompletableFuture<Optional<ActivityTask>> future) {
            this.workerName = workerName;
            this.future = future;
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }
    }

    private static final class Queue {
        final ArrayDeque<Work> pending = new ArrayDeque<>();
        final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    }

    private final Map<String, Queue> queues = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;

    Activities(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    void register(String arn) {
        queues.putIfAbsent(arn, new Queue());
    }

    void delete(String arn) {
        Queue q = queues.remove(arn);
        if (q != null) {
            synchronized (q) {
                q.waiters.forEach(w -> {
                    if (w.claim()) {
                        w.future.complete(Optional.empty());
                    }
                });
            }
        }
    }

    boolean exists(String arn) {
        return queues.containsKey(arn);
    }

    /** Hands the work to a waiting worker or queues it; false when the activity does not exist. */
    boolean schedule(String arn, Work work) {
        Queue q = queues.get(arn);
        if (q == null) {
            return false;
        }
        if (!work.wanted.getAsBoolean()) {
            // Its execution ended (a stop) between scheduling the task and handing it out: nobody gets it.
            return true;
        }
        Waiter waiter;
        synchronized (q) {
            waiter = q.waiters.poll();
            while (waiter != null && !waiter.claim()) {
                waiter = q.waiters.poll();
            }
            if (waiter == null) {
                q.pending.add(work);
                return true;
            }
        }
        work.started.accept(waiter.workerName);
        waiter.future.complete(Optional.of(work.task));
        return true;
    }

    CompletableFuture<Optional<ActivityTask>> poll(String arn, String workerName, Duration maxWait) {
        Queue q = queues.get(arn);
        if (q == null) {
            throw new ApiException("ActivityDoesNotExist", "Activity " + arn + " does not exist: create it with "
                    + "CreateActivity first.");
        }
        CompletableFuture<Optional<ActivityTask>> future = new CompletableFuture<>();
        Work work;
        synchronized (q) {
            work = q.pending.poll();
            while (work != null && !work.wanted.getAsBoolean()) {
                work = q.pending.poll();
            }
            if (work == null) {
                Waiter w = new Waiter(workerName, future);
                q.waiters.add(w);
                timers.schedule(() -> end(q, w), Math.max(1, maxWait.toMillis()), TimeUnit.MILLISECONDS);
                return future;
            }
        }
        work.started.accept(workerName);
        future.complete(Optional.of(work.task));
        return future;
    }

    /**
     * Ends a pending poll whose client has gone away, so that no task is handed to it: true when it
     * was still waiting (it completes empty), false when a task was already on its way to it.
     */
    boolean abandon(String arn, CompletableFuture<Optional<ActivityTask>> poll) {
        Queue q = queues.get(arn);
        if (q == null) {
            return true;
        }
        Waiter waiter = null;
        synchronized (q) {
            for (Waiter w : q.waiters) {
                if (w.future == poll) {
                    waiter = w;
                    break;
                }
            }
        }
        return waiter == null ? poll.isDone() && poll.getNow(Optional.empty()).isEmpty() : end(q, waiter);
    }

    private static boolean end(Queue q, Waiter w) {
        if (!w.claim()) {
            return false;
        }
        synchronized (q) {
            q.waiters.remove(w);
        }
        w.future.complete(Optional.empty());
        return true;
    }
}
