package io.jenkins.plugins.stepfunctions.engine.run;

import io.jenkins.plugins.stepfunctions.engine.history.ExecutionHistory;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether an execution can be redriven, and if not AWS's reason: the one rule behind RedriveExecution's
 * ExecutionNotRedrivable and DescribeExecution's redriveStatus/redriveStatusReason, so that the two
 * never disagree (AWS: redriveStatus is NOT_REDRIVABLE exactly when RedriveExecution would refuse).
 * The reasons are AWS's wording (the DescribeExecution API reference); the limits are AWS's quotas.
 */
public final class RedriveEligibility {
    /** AWS redrives an execution up to 14 days after it stopped. */
    public static final Duration REDRIVABLE_PERIOD = Duration.ofDays(14);
    /** AWS's longest execution: one year from its start, redrives included. */
    public static final Duration MAX_OPEN_TIME = Duration.ofDays(365);
    /** AWS's quota of redrives of one execution. */
    public static final int MAX_REDRIVES = 1000;

    private RedriveEligibility() {
    }

    /** Null when {@code execution} can be redriven at {@code now}, else why not. */
    public static String refusal(Execution execution, Instant now) {
        ExecutionStatus status = execution.status();
        if ("EXPRESS".equals(execution.request().type())) {
            return "Execution is an EXPRESS execution and cannot be redriven";
        }
        if (status == ExecutionStatus.RUNNING || status == ExecutionStatus.SUCCEEDED
                || status == ExecutionStatus.PENDING_REDRIVE) {
            return "Execution is " + status + " and cannot be redriven";
        }
        if (execution.history().size() >= ExecutionHistory.MAX_EVENTS) {
            return "Execution history event limit exceeded";
        }
        Instant stopped = execution.stopDate();
        if (stopped != null && now.isAfter(stopped.plus(REDRIVABLE_PERIOD))) {
            return "Execution redrivable period exceeded";
        }
        if (now.isAfter(execution.startDate().plus(MAX_OPEN_TIME))) {
            return "Execution has exceeded the max execution time";
        }
        if (execution.redriveCount() >= MAX_REDRIVES) {
            return "Execution has been redriven " + MAX_REDRIVES + " times, the most AWS allows";
        }
        return null;
    }
}
