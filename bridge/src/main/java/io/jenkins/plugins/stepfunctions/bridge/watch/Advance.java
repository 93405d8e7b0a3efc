package io.jenkins.plugins.stepfunctions.bridge.watch;

import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import java.time.Duration;

/** What one {@link ExecutionFollower#advance()} leaves to do. */
public sealed interface Advance {

    /** Call {@code advance()} again after {@code delay} (zero while more history pages are waiting). */
    record Again(Duration delay) implements Advance {
    }

    /** The execution has ended and every event has been delivered. */
    record Finished(Outcome outcome) implements Advance {
    }
}
