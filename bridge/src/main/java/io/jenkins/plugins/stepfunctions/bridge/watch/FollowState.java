package io.jenkins.plugins.stepfunctions.bridge.watch;

import io.jenkins.plugins.stepfunctions.bridge.approval.ApprovalRules;
import io.jenkins.plugins.stepfunctions.bridge.approval.ApprovalTracker;
import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import io.jenkins.plugins.stepfunctions.bridge.render.TransitionRenderer;
import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;

/**
 * Everything a follower must remember to resume after a restart without delivering an event twice:
 * the history cursor, the renderer's state (durations, attempts, structure), the approvals (pending and
 * answered) and, once known, the outcome. Plain Java serialisation and XStream both handle it; save it
 * after each {@link ExecutionFollower#advance()}.
 */
public final class FollowState implements Serializable {
    private static final long serialVersionUID = 1L;

    private HistoryCursor cursor;
    private final TransitionRenderer renderer = new TransitionRenderer();
    private final ApprovalTracker approvals;
    private Outcome outcome;
    private Instant startDate;
    private int lastBatch;
    private long idlePolls;

    public FollowState(String executionArn, ApprovalRules rules) {
        this.cursor = HistoryCursor.start(executionArn);
        this.approvals = new ApprovalTracker(executionArn, rules);
    }

    public static FollowState start(String executionArn) {
        return new FollowState(executionArn, ApprovalRules.conventionOnly());
    }

    public String executionArn() {
        return cursor.executionArn();
    }

    public HistoryCursor cursor() {
        return cursor;
    }

    void cursor(HistoryCursor c) {
        cursor = c;
    }

    public TransitionRenderer renderer() {
        return renderer;
    }

    public ApprovalTracker approvals() {
        return approvals;
    }

    public Collection<PendingApproval> pendingApprovals() {
        return approvals.pending();
    }

    /** Null until the execution has ended and its last event was delivered. */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * After a redrive ({@code ExecutionControl.redrive}) of the ended execution: forget the outcome, so
     * that a follower given this state goes on after the last delivered event (ExecutionRedriven and
     * what follows) to the new outcome.
     */
    public void reopenAfterRedrive() {
        outcome = null;
        cursor = cursor.withNextToken(null);
    }

    void outcome(Outcome o) {
        outcome = o;
    }

    Instant startDate() {
        return startDate;
    }

    void startDate(Instant d) {
        startDate = d;
    }

    int lastBatch() {
        return lastBatch;
    }

    void lastBatch(int n) {
        lastBatch = n;
    }

    long idlePolls() {
        return idlePolls;
    }

    void idlePolls(long n) {
        idlePolls = n;
    }
}
