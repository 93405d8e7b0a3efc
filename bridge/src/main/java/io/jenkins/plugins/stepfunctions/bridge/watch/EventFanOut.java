package io.jenkins.plugins.stepfunctions.bridge.watch;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.bridge.approval.ApprovalTracker;
import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import io.jenkins.plugins.stepfunctions.bridge.render.ApprovalLines;
import io.jenkins.plugins.stepfunctions.bridge.render.DefinitionIndex;
import io.jenkins.plugins.stepfunctions.bridge.render.RenderedLine;
import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Hands each new event to everything that follows it, in order: the listener (the raw event), the state's
 * {@link io.jenkins.plugins.stepfunctions.bridge.render.TransitionRenderer renderer} (its lines), the state's
 * {@link ApprovalTracker} (an approval opened or closed: its line from {@link ApprovalLines}, then the listener), the
 * cursor, and at the execution's last event the {@link Outcome}.
 *
 * <p>The calls a batch needs (the definition for a Wait, a Parallel or a retry line; the output of a successful end
 * whose event carries a truncated one) are made by {@link #prepare} before the state is locked, so that
 * {@link #deliver}, which runs holding the state's monitor, never waits for AWS (if a line still asks for the
 * definition, it is read then). Used by one advance at a time.
 */
final class EventFanOut {
    private final SfnClient sfn;
    private final FollowState state;
    private final FollowListener listener;
    private final double timeScale;
    private final FollowStats stats;

    private DefinitionIndex definition;
    /** A task failure was delivered: the next Scheduled of that task is a retry, whose line names the limit. */
    private boolean taskFailed;
    /** Output of the successful end, read before delivering it when the event's own is truncated. */
    private String fetchedOutput;

    EventFanOut(SfnClient sfn, FollowState state, FollowListener listener, double timeScale, FollowStats stats) {
        this.sfn = sfn;
        this.state = state;
        this.listener = listener;
        this.timeScale = timeScale;
        this.stats = stats;
    }

    /** Makes the calls that delivering {@code batch} will need, before the state is locked. */
    void prepare(List<HistoryEvent> batch) {
        boolean failed = taskFailed;
        boolean needsDefinition = false;
        for (HistoryEvent e : batch) {
            String type = e.typeAsString();
            if (type.equals("WaitStateEntered") || type.equals("ParallelStateStarted")
                    || (failed && type.endsWith("Scheduled"))) {
                needsDefinition = true;
            }
            if (!type.startsWith("Execution") && (type.endsWith("Failed") || type.endsWith("TimedOut"))) {
                failed = true;
            }
            var d = e.executionSucceededEventDetails();
            if (d != null && fetchedOutput == null && (d.output() == null
                    || (d.outputDetails() != null && Boolean.TRUE.equals(d.outputDetails().truncated())))) {
                stats.otherCall();
                fetchedOutput = sfn.describeExecution(b -> b.executionArn(state.executionArn())).output();
            }
        }
        taskFailed = failed;
        if (needsDefinition && definition == null) {
            try {
                stats.otherCall();
                definition = DefinitionIndex.of(sfn.describeStateMachineForExecution(b -> b.executionArn(state.executionArn())).definition());
            } catch (SdkException e) {
                if (FollowErrors.retryable(e)) {
                    // nothing of the batch is delivered yet: it is read again, so that a throttled call cannot take
                    // the Wait line out of this run's log (a follower reading late would have printed it)
                    throw e;
                }
                definition = DefinitionIndex.empty();
            }
        }
    }

    /** Delivers one event after the cursor; the caller holds the state's monitor. */
    void deliver(HistoryEvent e) {
        stats.event();
        if (e.typeAsString().equals("ExecutionStarted") && state.startDate() == null) {
            state.startDate(e.timestamp());
        }
        listener.event(e);
        for (RenderedLine line : state.renderer().render(e, definition(), timeScale)) {
            listener.line(line);
        }
        for (ApprovalTracker.Change change : state.approvals().observe(e)) {
            PendingApproval a = change.approval();
            if (change instanceof ApprovalTracker.Opened) {
                listener.line(ApprovalLines.pending(e, a));
                listener.approvalPending(a);
            } else {
                String reason = ((ApprovalTracker.Closed) change).reason();
                listener.line(ApprovalLines.closed(e, a, reason));
                listener.approvalClosed(a, reason);
            }
        }
        state.cursor(state.cursor().delivered(e.id()));
        Outcome outcome = outcomeOf(e);
        if (outcome != null) {
            state.outcome(outcome);
        }
    }

    /** The definition, read once when something first needs it; an empty index if it cannot be read. */
    private Supplier<DefinitionIndex> definition() {
        return () -> {
            if (definition == null) {
                try {
                    stats.otherCall();
                    definition = DefinitionIndex.of(sfn.describeStateMachineForExecution(b -> b.executionArn(state.executionArn())).definition());
                } catch (SdkException e) {
                    definition = DefinitionIndex.empty();
                }
            }
            return definition;
        };
    }

    /** The outcome an execution's last event tells, or null for any other event. */
    private Outcome outcomeOf(HistoryEvent e) {
        String status = switch (e.typeAsString()) {
            case "ExecutionSucceeded" -> "SUCCEEDED";
            case "ExecutionFailed" -> "FAILED";
            case "ExecutionTimedOut" -> "TIMED_OUT";
            case "ExecutionAborted" -> "ABORTED";
            default -> null;
        };
        if (status == null) {
            return null;
        }
        JsonNode output = null;
        String error = null;
        String cause = null;
        if (e.executionSucceededEventDetails() != null) {
            var d = e.executionSucceededEventDetails();
            String text = d.output();
            if (text == null || (d.outputDetails() != null && Boolean.TRUE.equals(d.outputDetails().truncated()))) {
                text = fetchedOutput;
                if (text == null) {
                    stats.otherCall();
                    text = sfn.describeExecution(b -> b.executionArn(state.executionArn())).output();
                }
            }
            output = JsonText.parse(text);
        } else if (e.executionFailedEventDetails() != null) {
            error = e.executionFailedEventDetails().error();
            cause = e.executionFailedEventDetails().cause();
        } else if (e.executionTimedOutEventDetails() != null) {
            error = e.executionTimedOutEventDetails().error();
            cause = e.executionTimedOutEventDetails().cause();
        } else if (e.executionAbortedEventDetails() != null) {
            error = e.executionAbortedEventDetails().error();
            cause = e.executionAbortedEventDetails().cause();
        }
        return new Outcome(state.executionArn(), status, output, error, cause, state.startDate(), e.timestamp());
    }
}
