package io.jenkins.plugins.stepfunctions.bridge.watch;

import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import java.time.Duration;
import java.util.Collection;
import java.util.Random;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * When to look again, for one follower: after a poll, {@code active} if something happened, else a delay growing by
 * {@code growth} up to {@code idle}, never longer than a pending approval's heartbeat; after a failed call, the SDK's
 * exponential {@link BackoffStrategy} from {@code active} doubling up to {@code maxBackoff}. Every delay varies by
 * {@code jitter} (see {@link PollingPolicy}). Not thread-safe: used by one advance at a time.
 */
final class FollowBackoff {
    /** Doublings at most; beyond, {@code maxBackoff} has long been reached. */
    private static final int MAX_DOUBLINGS = 16;
    /** Answers are retried after 250 ms, 500 ms, 1 s (on the answering thread, not the follower's). */
    static final BackoffStrategy ANSWER = BackoffStrategy.exponentialDelayWithoutJitter(Duration.ofMillis(250),
            Duration.ofSeconds(1));

    private final PollingPolicy policy;
    private final Random random;
    private final BackoffStrategy onError;
    private Duration idleDelay;
    private int errorsInRow;

    FollowBackoff(PollingPolicy policy, Random random) {
        this.policy = policy;
        this.random = random;
        this.onError = BackoffStrategy.exponentialDelayWithoutJitter(Duration.ofMillis(Math.max(1, policy.active().toMillis())),
                Duration.ofMillis(Math.max(1, policy.maxBackoff().toMillis())));
        this.idleDelay = policy.active();
    }

    /** A call went through: the next error starts the backoff again. */
    void succeeded() {
        errorsInRow = 0;
    }

    /** The delay after a poll that found nothing more to read right now. */
    Duration afterPoll(boolean active, Collection<PendingApproval> pending) {
        Duration d;
        if (active) {
            idleDelay = policy.active();
            d = policy.active();
        } else {
            idleDelay = Duration.ofMillis(Math.min(policy.idle().toMillis(), (long) (idleDelay.toMillis() * policy.growth())));
            d = idleDelay;
        }
        for (PendingApproval p : pending) {
            if (p.heartbeatSeconds() > 0) {
                Duration hb = policy.heartbeatEvery(p.heartbeatSeconds());
                d = d.compareTo(hb) > 0 ? hb : d;
            }
        }
        return jitter(d);
    }

    /** The delay after a failed call that is worth retrying: {@code active} times 2, 4, 8... up to {@code maxBackoff}. */
    Duration afterError() {
        errorsInRow++;
        // the SDK's attempt n waits base * 2^(n-2): attempt errorsInRow + 2 is base * 2^errorsInRow
        return jitter(onError.computeDelay(Math.min(errorsInRow, MAX_DOUBLINGS) + 2));
    }

    /** How long to wait before sending an answer again after {@code attempt} failed (1, 2, 3...). */
    static Duration answerDelay(int attempt) {
        return ANSWER.computeDelay(attempt + 1);
    }

    private Duration jitter(Duration d) {
        double f = 1 + (random.nextDouble() * 2 - 1) * policy.jitter();
        return Duration.ofNanos((long) (d.toNanos() * f));
    }
}
