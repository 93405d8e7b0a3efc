package io.jenkins.plugins.stepfunctions.bridge.watch;

import java.io.Serializable;
import java.time.Duration;

/**
 * How often to look at an execution: {@code active} right after new events, growing by {@code growth}
 * per idle poll up to {@code idle}, each delay varied by up to {@code jitter} (a fraction) so that many
 * followers do not poll in lockstep. Errors (throttling, 5xx, dropped connections) back off from
 * {@code active} doubling up to {@code maxBackoff}. Heartbeats for pending approvals go out every third
 * of the state's HeartbeatSeconds times {@code timeScale} (1 against AWS; an engine running Waits
 * faster gets heartbeats faster too).
 */
public record PollingPolicy(Duration active, Duration idle, double growth, double jitter, Duration maxBackoff,
                            double timeScale) implements Serializable {

    public static PollingPolicy defaults() {
        return new PollingPolicy(Duration.ofMillis(500), Duration.ofSeconds(5), 1.6, 0.2, Duration.ofSeconds(30), 1.0);
    }

    /** A slow safety poll, for when callbacks say when to look. */
    public static PollingPolicy withCallbacks() {
        return new PollingPolicy(Duration.ofMillis(500), Duration.ofSeconds(60), 2.0, 0.2, Duration.ofSeconds(60), 1.0);
    }

    /** Every delay times {@code factor}: for an engine whose time runs {@code 1/factor} times faster. */
    public PollingPolicy scaled(double factor) {
        return new PollingPolicy(scale(active, factor), scale(idle, factor), growth, jitter, scale(maxBackoff, factor),
                timeScale * factor);
    }

    /**
     * The same delays, for an engine whose Waits run at exactly {@code timeScale} (heartbeats and the
     * renderer's Wait line follow it), when the delays themselves were scaled by another factor.
     */
    public PollingPolicy pacedAt(double timeScale) {
        return new PollingPolicy(active, idle, growth, jitter, maxBackoff, timeScale);
    }

    /** How often to heartbeat a task whose state has {@code heartbeatSeconds}. */
    public Duration heartbeatEvery(int heartbeatSeconds) {
        return Duration.ofNanos((long) (heartbeatSeconds * 1e9 / 3 * timeScale));
    }

    private static Duration scale(Duration d, double f) {
        return Duration.ofNanos(Math.max(1_000_000, (long) (d.toNanos() * f)));
    }
}
