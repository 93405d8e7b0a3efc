package io.jenkins.plugins.stepfunctions.bridge.watch;

import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import java.util.concurrent.CompletableFuture;

/** A follower under a {@link FollowScheduler}: its result, and ways to nudge or stop it. */
public interface Following {
    ExecutionFollower follower();

    /** Completes with the outcome, or exceptionally with a {@link FollowException}. */
    CompletableFuture<Outcome> result();

    /** Polls as soon as the rate budget allows (a callback said the execution moved). */
    void wake();

    /** Stops following (the execution itself goes on). */
    void cancel();
}
