package io.jenkins.plugins.stepfunctions.cli;

import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import io.jenkins.plugins.stepfunctions.bridge.render.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * When an approval must be answered by, at the time scale in force: the history gives the state's TimeoutSeconds
 * as the definition says it, but an engine at time scale 0.01 times a one-hour timeout out after 36 s.
 *
 * @param scheduledAt when the approval's task was scheduled
 * @param timeout     the definition's TimeoutSeconds
 * @param timeScale   how the engine's time relates to the definition's (1 on AWS)
 */
record ApprovalDeadline(Instant scheduledAt, Duration timeout, double timeScale) {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("UTC"));

    /** The approval's deadline, or null when it has none. */
    static ApprovalDeadline of(PendingApproval p, double timeScale) {
        return p.deadline() == null || p.scheduledAt() == null ? null
                : new ApprovalDeadline(p.scheduledAt(), Duration.between(p.scheduledAt(), p.deadline()), timeScale);
    }

    Duration scaledTimeout() {
        return Duration.ofNanos((long) (timeout.toNanos() * timeScale));
    }

    /** When the engine times the approval out. */
    Instant due() {
        return scheduledAt.plus(scaledTimeout());
    }

    /** e.g. {@code 10:00:36 UTC (in 35.2s; TimeoutSeconds 3600 at time scale 0.01)}. */
    String describe(Instant now) {
        Duration left = Duration.between(now, due());
        String in = left.isNegative() ? "passed" : "in " + Durations.format(left);
        return CLOCK.format(due()) + " UTC (" + in + (timeScale == 1 ? ")"
                : "; TimeoutSeconds " + timeout.toSeconds() + " at time scale " + timeScale + ")");
    }
}
