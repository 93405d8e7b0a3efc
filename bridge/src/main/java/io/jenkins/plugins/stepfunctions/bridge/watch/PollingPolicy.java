package io.jenkins.plugins.stepfunctions.bridge.watch;

import java.io.Serializable;
import java.time.Duration;

/**
 * How often to look at an execution: {@code active} right after new events, growing by {@code growth}
 * per idle poll up to {@code idle}, each delay varied by up to {@code jitter} (a fraction) so that many
 * followers do not poll in lockstep. Errors (throttling, 5xx, dropped connections) back off from
 * {@code active} doubling up to {@code maxBackoff}.
 */
public record PollingPolicy(Duration active, Duration idle, double growth, double jitter, Duration maxBackoff)
        implements Serializable {

    public static PollingPolicy defaults() {
        return new PollingPolicy(Duration.ofMillis(500), Duration.ofSeconds(5), 1.6, 0.2, Duration.ofSeconds(30));
    }

    /** A slow safety poll, for when callbacks say when to look. */
    public static PollingPolicy withCallbacks() {
        return new PollingPolicy(Duration.ofMillis(500), Duration.ofSeconds(60), 2.0, 0.2, Duration.ofSeconds(60));
    }

    public PollingPolicy scaled(double factor) {
        return new PollingPolicy(scale(active, factor), scale(idle, factor), growth, jitter, scale(maxBackoff, factor));
    }

    private static Duration scale(Duration d, double f) {
        return Duration.ofNanos(Math.max(1_000_000, (long) (d.toNanos() * f)));
    }
}
