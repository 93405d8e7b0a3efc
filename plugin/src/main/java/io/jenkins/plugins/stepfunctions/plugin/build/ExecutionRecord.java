package io.jenkins.plugins.stepfunctions.plugin.build;

import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import io.jenkins.plugins.stepfunctions.bridge.render.StateStats;
import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import java.io.PrintStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the build page shows about one execution the build ran: status, console link, states, pending
 * approvals. Updated by the follower's thread, read by the web UI, stored in build.xml: plain fields,
 * synchronized access, and lists replaced rather than changed in place, so that XStream writing build.xml
 * from another thread never iterates a list while it changes.
 */
public final class ExecutionRecord implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int number;
    private final String executionArn;
    private final String consoleUrl;
    private String status = "RUNNING";
    private String error;
    private String cause;
    private String outputFile;
    private ArrayList<StateRow> states = new ArrayList<>();
    private ArrayList<ApprovalView> pending = new ArrayList<>();
    private ArrayList<String> notes = new ArrayList<>();
    /**
     * When this controller stopped following the execution (its end, an abort, a timeout), null while it follows
     * or has not begun. Not saved: a controller stopping is not the build stopping, and after a restart a
     * finished build is known by the run itself.
     */
    private transient volatile Long followStoppedAt;
    /** The build log of the step following the execution, while it follows: answers given on the page go there. */
    private transient volatile PrintStream log;

    ExecutionRecord(int number, String executionArn, String consoleUrl) {
        this.number = number;
        this.executionArn = executionArn;
        this.consoleUrl = consoleUrl;
    }

    /** 1-based position among the build's executions; names its history file and its URLs. */
    public int getNumber() {
        return number;
    }

    public String getExecutionArn() {
        return executionArn;
    }

    /** The name part of the execution ARN. */
    public String getName() {
        return executionArn.substring(executionArn.lastIndexOf(':') + 1);
    }

    public String getConsoleUrl() {
        return consoleUrl;
    }

    public synchronized String getStatus() {
        return status;
    }

    public synchronized String getError() {
        return error;
    }

    public synchronized String getCause() {
        return cause;
    }

    public synchronized String getOutputFile() {
        return outputFile;
    }

    public synchronized List<StateRow> getStates() {
        return List.copyOf(states);
    }

    public synchronized List<ApprovalView> getPendingApprovals() {
        return List.copyOf(pending);
    }

    /** Approvals closed elsewhere, timed out, answered: one line each. */
    public synchronized List<String> getNotes() {
        return List.copyOf(notes);
    }

    public synchronized ApprovalView pendingApproval(String approvalId) {
        return pending.stream().filter(a -> a.getId().equals(approvalId)).findFirst().orElse(null);
    }

    synchronized void states(List<StateStats> stats) {
        ArrayList<StateRow> rows = new ArrayList<>(stats.size());
        stats.forEach(s -> rows.add(new StateRow(s)));
        states = rows;
    }

    synchronized void approvalPending(PendingApproval approval) {
        ArrayList<ApprovalView> next = without(approval.id());
        next.add(new ApprovalView(approval));
        pending = next;
    }

    synchronized void approvalClosed(String approvalId, String note) {
        pending = without(approvalId);
        ArrayList<String> next = new ArrayList<>(notes);
        next.add(note);
        notes = next;
    }

    private ArrayList<ApprovalView> without(String approvalId) {
        ArrayList<ApprovalView> next = new ArrayList<>(pending);
        next.removeIf(a -> a.getId().equals(approvalId));
        return next;
    }

    synchronized void followingStarted(PrintStream followerLog) {
        log = followerLog;
        followStoppedAt = null;
    }

    /** The first stop counts: a cancel and the follower's end may both report it. */
    synchronized void followingStopped(long at) {
        if (followStoppedAt == null) {
            followStoppedAt = at;
        }
        log = null;
    }

    /** When the build stopped following the execution (epoch milliseconds), or null while it follows. */
    public Long getFollowStoppedAt() {
        return followStoppedAt;
    }

    /** Where to say what happened to the execution on the build's behalf, or null when nothing follows it. */
    PrintStream log() {
        return log;
    }

    synchronized void finished(Outcome outcome, String outputFile) {
        this.status = outcome.status();
        this.error = outcome.error();
        this.cause = outcome.cause();
        this.outputFile = outputFile;
        this.pending = new ArrayList<>();
    }
}
