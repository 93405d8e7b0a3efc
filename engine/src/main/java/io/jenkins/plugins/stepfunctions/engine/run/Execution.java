package io.jenkins.plugins.stepfunctions.engine.run;

import io.jenkins.plugins.stepfunctions.engine.history.ExecutionHistory;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** A running or finished execution, as DescribeExecution and GetExecutionHistory see it. */
public interface Execution {
    StartRequest request();

    ExecutionStatus status();

    Instant startDate();

    /** Null while running. */
    Instant stopDate();

    /** JSON text, or null unless SUCCEEDED. */
    String output();

    /** Null unless FAILED/TIMED_OUT/ABORTED with an error. */
    String error();

    String cause();

    int redriveCount();

    /** Null when never redriven. */
    Instant redriveDate();

    ExecutionHistory history();

    /** Completes when the execution reaches a terminal status. */
    CompletableFuture<Execution> completion();

    /** StopExecution: ABORTED with ExecutionAborted in history; no-op if already terminal. */
    void stop(String error, String cause);

    /**
     * RedriveExecution: restarts a FAILED/TIMED_OUT/ABORTED execution from its unsuccessful states.
     * Throws {@code ExecutionNotRedrivable} as an ApiException when it cannot.
     */
    void redrive();
}
