package io.jenkins.plugins.stepfunctions.bridge.callback;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Wakes followers from an SQS queue that an EventBridge rule feeds with "Step Functions Execution
 * Status Change" events: for builds that AWS cannot reach, no inbound access needed. One long poll (20 s) at a
 * time for all followed executions, each a task on the given worker executor (no thread of its own); each
 * message is deleted once handled. Nothing stops it but {@link #close()}: after any failure (an SDK error, a
 * bug, an {@link Error}) it waits on the timer, 1 s doubling up to 60 s, and polls again; the followers' safety
 * polls cover the gap.
 */
public final class SqsStatusListener implements AutoCloseable {
    private static final long MAX_BACKOFF_MILLIS = 60_000;

    private final SqsClient sqs;
    private final String queueUrl;
    private final CallbackRegistry registry;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final int waitSeconds;
    private final long minBackoffMillis;
    private Executor worker;
    private ScheduledExecutorService timer;
    private ScheduledExecutorService own;
    private long backoffMillis;

    public SqsStatusListener(SqsClient sqs, String queueUrl, CallbackRegistry registry) {
        this(sqs, queueUrl, registry, 20, 1000);
    }

    SqsStatusListener(SqsClient sqs, String queueUrl, CallbackRegistry registry, int waitSeconds) {
        this(sqs, queueUrl, registry, waitSeconds, 1000);
    }

    SqsStatusListener(SqsClient sqs, String queueUrl, CallbackRegistry registry, int waitSeconds, long minBackoffMillis) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.registry = registry;
        this.waitSeconds = waitSeconds;
        this.minBackoffMillis = minBackoffMillis;
        this.backoffMillis = minBackoffMillis;
    }

    /** Listens on a daemon thread of its own, stopped by {@link #close()} (the CLI; tests). */
    public synchronized SqsStatusListener start() {
        if (running.get()) {
            return this;
        }
        own = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sfn-sqs-status");
            thread.setDaemon(true);
            return thread;
        });
        return start(own, own);
    }

    /**
     * Listens with each long poll a task on {@code worker}; {@code timer} only schedules the next poll after a
     * failure, so that no worker thread sleeps.
     */
    public synchronized SqsStatusListener start(Executor worker, ScheduledExecutorService timer) {
        if (running.compareAndSet(false, true)) {
            this.worker = worker;
            this.timer = timer;
            submit();
        }
        return this;
    }

    /** Messages handled so far. */
    public long received() {
        return received.get();
    }

    /** Polls that failed so far (each followed by a back-off and another poll). */
    public long failures() {
        return failures.get();
    }

    public boolean isRunning() {
        return running.get();
    }

    private void submit() {
        try {
            worker.execute(this::pollOnce);
        } catch (RejectedExecutionException shutDown) {
            running.set(false);
        }
    }

    private void pollOnce() {
        if (!running.get()) {
            return;
        }
        long delay = 0;
        try {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds)).messages()) {
                registry.statusChange(m.body());
                received.incrementAndGet();
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
            backoffMillis = minBackoffMillis;
        } catch (Throwable e) {
            // whatever it was (throttling, the network, a bug, an Error), the listener must go on
            failures.incrementAndGet();
            delay = backoffMillis;
            backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
        }
        if (!running.get()) {
            return;
        }
        if (delay == 0) {
            submit();
        } else {
            try {
                timer.schedule(this::submit, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shutDown) {
                running.set(false);
            }
        }
    }

    /**
     * Stops polling: a long poll in flight ends on its own (at most its wait time) and is not followed by
     * another. A listener started with a thread of its own stops that thread.
     */
    @Override
    public synchronized void close() {
        running.set(false);
        if (own != null) {
            own.shutdownNow();
        }
    }
}
