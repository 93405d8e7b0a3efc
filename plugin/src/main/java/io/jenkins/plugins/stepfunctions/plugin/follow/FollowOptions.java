package io.jenkins.plugins.stepfunctions.plugin.follow;

import hudson.AbortException;
import io.jenkins.plugins.stepfunctions.bridge.approval.ApprovalRules;
import io.jenkins.plugins.stepfunctions.bridge.render.RenderStyle;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** How to follow an execution, as {@code sfnExecute}, {@code sfnAwait} and the freestyle step take it. */
public final class FollowOptions implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    // Boolean, not boolean: a config.xml written by hand or by a tool leaves out what it does not set, XStream
    // then leaves the field null (it runs no initialisers), and null must mean the default, true.
    private Boolean stopOnAbort;
    private Boolean propagate;
    private int timeoutMinutes;
    private String renderStyle;
    private String outputFile;
    private String historyFile;
    private String junitFile;
    private String reportFile;
    private String approvalStates;
    private String approvalActivities;
    private String waitMode;
    private String eventQueueUrl;
    private String approvals;

    public boolean isStopOnAbort() {
        return stopOnAbort == null || stopOnAbort;
    }

    public void setStopOnAbort(boolean stopOnAbort) {
        this.stopOnAbort = stopOnAbort;
    }

    public boolean isPropagate() {
        return propagate == null || propagate;
    }

    public void setPropagate(boolean propagate) {
        this.propagate = propagate;
    }

    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = Math.max(0, timeoutMinutes);
    }

    public String getRenderStyle() {
        return renderStyle == null ? "plain" : renderStyle;
    }

    public void setRenderStyle(String renderStyle) {
        this.renderStyle = renderStyle == null || renderStyle.isBlank() ? "plain" : renderStyle.trim();
    }

    public String getOutputFile() {
        return outputFile;
    }

    public void setOutputFile(String outputFile) {
        this.outputFile = blankToNull(outputFile);
    }

    public String getHistoryFile() {
        return historyFile;
    }

    public void setHistoryFile(String historyFile) {
        this.historyFile = blankToNull(historyFile);
    }

    public String getJunitFile() {
        return junitFile;
    }

    public void setJunitFile(String junitFile) {
        this.junitFile = blankToNull(junitFile);
    }

    public String getReportFile() {
        return reportFile;
    }

    public void setReportFile(String reportFile) {
        this.reportFile = blankToNull(reportFile);
    }

    public String getApprovalStates() {
        return approvalStates;
    }

    public void setApprovalStates(String approvalStates) {
        this.approvalStates = blankToNull(approvalStates);
    }

    public String getApprovalActivities() {
        return approvalActivities;
    }

    public void setApprovalActivities(String approvalActivities) {
        this.approvalActivities = blankToNull(approvalActivities);
    }

    public String getWaitMode() {
        return waitMode == null ? "poll" : waitMode;
    }

    public void setWaitMode(String waitMode) {
        this.waitMode = waitMode == null || waitMode.isBlank() ? "poll" : waitMode.trim().toLowerCase(Locale.ROOT);
    }

    public String getEventQueueUrl() {
        return eventQueueUrl;
    }

    public void setEventQueueUrl(String eventQueueUrl) {
        this.eventQueueUrl = blankToNull(eventQueueUrl);
    }

    /** A copy with every text field passed through {@code expand} (the freestyle step expands {@code ${VAR}}). */
    public FollowOptions expanded(UnaryOperator<String> expand) {
        FollowOptions copy = new FollowOptions();
        copy.stopOnAbort = stopOnAbort;
        copy.propagate = propagate;
        copy.timeoutMinutes = timeoutMinutes;
        copy.setRenderStyle(expand.apply(renderStyle));
        copy.setOutputFile(expand.apply(outputFile));
        copy.setHistoryFile(expand.apply(historyFile));
        copy.setJunitFile(expand.apply(junitFile));
        copy.setReportFile(expand.apply(reportFile));
        copy.setApprovalStates(expand.apply(approvalStates));
        copy.setApprovalActivities(expand.apply(approvalActivities));
        copy.setWaitMode(expand.apply(waitMode));
        copy.setEventQueueUrl(expand.apply(eventQueueUrl));
        copy.setApprovals(expand.apply(approvals));
        return copy;
    }

    /** How the build learns that the execution moved. */
    public enum WaitMode {
        /** reads the history adaptively */
        POLL,
        /** the execution POSTs to its callback URL (in the input as {@code <build metadata key>.callbackUrl}) */
        CALLBACK,
        /** EventBridge status-change events reach the controller through an SQS queue: no inbound access */
        SQS
    }

    /** @throws AbortException naming the field when the mode is unknown or lacks its queue */
    public String getApprovals() {
        return approvals == null ? "input" : approvals;
    }

    public void setApprovals(String approvals) {
        this.approvals = approvals == null || approvals.isBlank() ? null : approvals.trim().toLowerCase(Locale.ROOT);
    }

    /** Where a Pipeline asks people to answer approvals. */
    public enum Approvals { INPUT, PAGE }

    public Approvals approvals() throws AbortException {
        return switch (getApprovals()) {
            case "input" -> Approvals.INPUT;
            case "page" -> Approvals.PAGE;
            default -> throw new AbortException("approvals: '" + getApprovals() + "' is not a way to answer approvals;"
                    + " use input (Jenkins input steps, the default) or page (the build's Step Functions page)");
        };
    }

    public WaitMode waitMode() throws AbortException {
        return switch (getWaitMode()) {
            case "poll" -> WaitMode.POLL;
            case "callback" -> WaitMode.CALLBACK;
            case "sqs" -> {
                if (eventQueueUrl == null) {
                    throw new AbortException("eventQueueUrl: waitMode 'sqs' needs the URL of the SQS queue that an"
                            + " EventBridge rule feeds with Step Functions status changes (see docs/pipeline-steps.md)");
                }
                yield WaitMode.SQS;
            }
            default -> throw new AbortException("waitMode: '" + getWaitMode() + "' is not a wait mode; use poll, callback or sqs");
        };
    }

    public boolean callbacks() throws AbortException {
        return waitMode() == WaitMode.CALLBACK;
    }

    /** @throws AbortException naming the field when the style is unknown */
    public RenderStyle style() throws AbortException {
        try {
            return RenderStyle.valueOf(getRenderStyle().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AbortException("renderStyle: '" + renderStyle + "' is not a style; use plain, color or json");
        }
    }

    /** Which tasks are approvals besides those following the {@code approval} convention. */
    public ApprovalRules approvalRules() {
        return new ApprovalRules(list(approvalStates), list(approvalActivities));
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : List.of(commaSeparated.trim().split("\\s*,\\s*"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
