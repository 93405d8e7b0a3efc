package io.jenkins.plugins.stepfunctions.bridge.callback;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Wakes followers from an SQS queue that an EventBridge rule feeds with "Step Functions Execution
 * Status Change" events: for builds that AWS cannot reach, no inbound access needed. One thread
 * long-polls (20 s) for all followed executions; each message is deleted once handled.
 */
public final class SqsStatusListener implements AutoCloseable {
    private final SqsClient sqs;
    private final String queueUrl;
    private final CallbackRegistry registry;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong received = new AtomicLong();
    private final int waitSeconds;
    private Thread thread;

    public SqsStatusListener(SqsClient sqs, String queueUrl, CallbackRegistry registry) {
        this(sqs, queueUrl, registry, 20);
    }

    SqsStatusListener(SqsClient sqs, String queueUrl, CallbackRegistry registry, int waitSeconds) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.registry = registry;
        this.waitSeconds = waitSeconds;
    }

    public synchronized SqsStatusListener start() {
        if (running.compareAndSet(false, true)) {
            thread = new Thread(this::loop, "sfn-sqs-status");
            thread.setDaemon(true);
            thread.start();
        }
        return this;
    }

    /** Messages handled so far. */
    public long received() {
        return received.get();
    }

    private void loop() {
        long backoff = 1000;
        while (running.get()) {
            try {
                for (Message m : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds)).messages()) {
                    registry.statusChange(m.body());
                    received.incrementAndGet();
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                }
                backoff = 1000;
            } catch (SdkException e) {
                if (!running.get()) {
                    return;
                }
                // the safety poll of each follower covers the gap; try the queue again later
                sleep(Duration.ofMillis(backoff));
                backoff = Math.min(backoff * 2, 60_000);
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        running.set(false);
        if (thread != null) {
            thread.interrupt();
        }
    }
}
