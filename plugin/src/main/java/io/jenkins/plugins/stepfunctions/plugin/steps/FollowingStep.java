package io.jenkins.plugins.stepfunctions.plugin.steps;

import io.jenkins.plugins.stepfunctions.plugin.follow.FollowOptions;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The options of the steps that follow an execution to its end ({@code sfnExecute}, {@code sfnAwait}).
 * Jenkins binds {@code @DataBoundSetter}s of superclasses too, so they are declared once here; the help files
 * stay with each step, where Jenkins and the packaging check look for them first.
 */
public abstract class FollowingStep extends Step {
    protected final FollowOptions follow = new FollowOptions();

    public boolean isStopOnAbort() {
        return follow.isStopOnAbort();
    }

    @DataBoundSetter
    public void setStopOnAbort(boolean stopOnAbort) {
        follow.setStopOnAbort(stopOnAbort);
    }

    public boolean isPropagate() {
        return follow.isPropagate();
    }

    @DataBoundSetter
    public void setPropagate(boolean propagate) {
        follow.setPropagate(propagate);
    }

    public int getTimeoutMinutes() {
        return follow.getTimeoutMinutes();
    }

    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        follow.setTimeoutMinutes(timeoutMinutes);
    }

    public String getRenderStyle() {
        return follow.getRenderStyle();
    }

    @DataBoundSetter
    public void setRenderStyle(String renderStyle) {
        follow.setRenderStyle(renderStyle);
    }

    public String getOutputFile() {
        return follow.getOutputFile();
    }

    @DataBoundSetter
    public void setOutputFile(String outputFile) {
        follow.setOutputFile(outputFile);
    }

    public String getHistoryFile() {
        return follow.getHistoryFile();
    }

    @DataBoundSetter
    public void setHistoryFile(String historyFile) {
        follow.setHistoryFile(historyFile);
    }

    public String getJunitFile() {
        return follow.getJunitFile();
    }

    @DataBoundSetter
    public void setJunitFile(String junitFile) {
        follow.setJunitFile(junitFile);
    }

    public String getReportFile() {
        return follow.getReportFile();
    }

    @DataBoundSetter
    public void setReportFile(String reportFile) {
        follow.setReportFile(reportFile);
    }

    public String getApprovalStates() {
        return follow.getApprovalStates();
    }

    @DataBoundSetter
    public void setApprovalStates(String approvalStates) {
        follow.setApprovalStates(approvalStates);
    }

    public String getApprovalActivities() {
        return follow.getApprovalActivities();
    }

    @DataBoundSetter
    public void setApprovalActivities(String approvalActivities) {
        follow.setApprovalActivities(approvalActivities);
    }

    public String getWaitMode() {
        return follow.getWaitMode();
    }

    @DataBoundSetter
    public void setWaitMode(String waitMode) {
        follow.setWaitMode(waitMode);
    }

    public String getEventQueueUrl() {
        return follow.getEventQueueUrl();
    }

    @DataBoundSetter
    public void setEventQueueUrl(String eventQueueUrl) {
        follow.setEventQueueUrl(eventQueueUrl);
    }

    public String getApprovals() {
        return follow.getApprovals();
    }

    @DataBoundSetter
    public void setApprovals(String approvals) {
        follow.setApprovals(approvals);
    }
}
