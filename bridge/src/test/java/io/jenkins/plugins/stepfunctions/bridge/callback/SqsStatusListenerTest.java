package io.jenkins.plugins.stepfunctions.bridge.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * The SQS status listener against a scripted queue (each receive answers with the next scripted step, then
 * nothing): where it runs, what it survives, and how the builds sharing a queue start and stop it.
 */
class SqsStatusListenerTest {
    private static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/sfn-status";

    private final ExecutorService worker = Executors.newFixedThreadPool(2, named("test-io-"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named("test-timer-"));
    private final Set<String> woken = ConcurrentHashMap.newKeySet();
    private final CallbackRegistry registry = new CallbackRegistry(arn -> woken.add(arn));

    @AfterEach
    void stop() {
        worker.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void theListenerSurvivesAnErrorAndAnyExceptionFromAPollBacksOffAndGoesOn() throws Exception {
        ScriptedSqs sqs = new ScriptedSqs(
                () -> { throw new NoSuchMethodError("software.amazon.awssdk.core.Something.newMethod()"); },
                () -> { throw new IllegalStateException("a bug in a poll"); },
                () -> List.of(statusChange("arn:aws:states:us-east-1:123456789012:execution:m:after-errors")));
        try (SqsStatusListener listener = new SqsStatusListener(sqs, QUEUE, registry, 0, 10).start(worker, timer)) {
            // the listener wakes the build first and deletes the message after: wait for both
            until(() -> woken.contains("arn:aws:states:us-east-1:123456789012:execution:m:after-errors")
                    && sqs.deleted.size() == 1);

            assertThat(listener.failures()).isEqualTo(2);
            assertThat(listener.received()).isEqualTo(1);
            assertThat(sqs.deleted).hasSize(1);
            assertThat(listener.isRunning()).isTrue();
        }
    }

    @Test
    void thePollsRunOnTheGivenExecutorNotOnAThreadOfTheListenersOwn() throws Exception {
        ScriptedSqs sqs = new ScriptedSqs(() -> List.of());
        try (SqsStatusListener listener = new SqsStatusListener(sqs, QUEUE, registry, 0, 10).start(worker, timer)) {
            until(() -> sqs.receives.get() >= 3);
        }
        assertThat(sqs.threads).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("test-io-"));
    }

    @Test
    void aClosedListenerPollsNoMore() throws Exception {
        ScriptedSqs sqs = new ScriptedSqs();
        SqsStatusListener listener = new SqsStatusListener(sqs, QUEUE, registry, 0, 10).start(worker, timer);
        until(() -> sqs.receives.get() >= 1);

        listener.close();
        Thread.sleep(100);
        int after = sqs.receives.get();
        Thread.sleep(200);

        assertThat(sqs.receives.get()).isEqualTo(after);
        assertThat(listener.isRunning()).isFalse();
    }

    @Test
    void theQueuesListenerStartsWithTheFirstBuildAndStopsWhenTheLastBuildUsingItLetsGo() throws Exception {
        AtomicInteger started = new AtomicInteger();
        List<SqsStatusListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
        Supplier<SqsStatusListener> start = () -> {
            started.incrementAndGet();
            SqsStatusListener l = new SqsStatusListener(new ScriptedSqs(), QUEUE, registry, 0, 10).start(worker, timer);
            listeners.add(l);
            return l;
        };
        try (SharedStatusListeners shared = new SharedStatusListeners()) {
            SharedStatusListeners.Subscription first = shared.subscribe("key", start);
            SharedStatusListeners.Subscription second = shared.subscribe("key", start);
            assertThat(started).hasValue(1);
            assertThat(shared.users("key")).isEqualTo(2);

            first.close();
            first.close(); // letting go twice counts once
            assertThat(shared.users("key")).isEqualTo(1);
            assertThat(listeners.get(0).isRunning()).as("a build still waits on the queue").isTrue();

            second.close();
            assertThat(shared.users("key")).isZero();
            assertThat(listeners.get(0).isRunning()).as("no build waits on the queue any more").isFalse();

            try (SharedStatusListeners.Subscription again = shared.subscribe("key", start)) {
                assertThat(started).as("a later build starts a new listener").hasValue(2);
                assertThat(listeners.get(1).isRunning()).isTrue();
            }
            assertThat(listeners.get(1).isRunning()).isFalse();
        }
    }

    private static Message statusChange(String arn) {
        return Message.builder().receiptHandle("rh-" + arn).body("""
                {"detail-type":"Step Functions Execution Status Change","source":"aws.states",
                 "detail":{"executionArn":"%s","status":"SUCCEEDED"}}""".formatted(arn)).build();
    }

    private static void until(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited too long").isBefore(deadline);
            Thread.sleep(10);
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Answers each receive with the next scripted step (which may throw), then with no message. */
    private static final class ScriptedSqs implements SqsClient {
        final ConcurrentLinkedQueue<Supplier<List<Message>>> script = new ConcurrentLinkedQueue<>();
        final AtomicInteger receives = new AtomicInteger();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final List<String> deleted = new java.util.concurrent.CopyOnWriteArrayList<>();

        @SafeVarargs
        ScriptedSqs(Supplier<List<Message>>... steps) {
            script.addAll(List.of(steps));
        }

        @Override
        public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
            receives.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            try {
                Thread.sleep(5); // a short long-poll
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Supplier<List<Message>> next = script.poll();
            return ReceiveMessageResponse.builder().messages(next == null ? List.of() : next.get()).build();
        }

        @Override
        public DeleteMessageResponse deleteMessage(DeleteMessageRequest request) {
            deleted.add(request.receiptHandle());
            return DeleteMessageResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    }
}
