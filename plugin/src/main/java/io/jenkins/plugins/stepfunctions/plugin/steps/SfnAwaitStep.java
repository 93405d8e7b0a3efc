package io.jenkins.plugins.stepfunctions.plugin.steps;

import org.kohsuke.stapler.QueryParameter;
import io.jenkins.plugins.stepfunctions.plugin.connect.FormChecks;
import io.jenkins.plugins.stepfunctions.plugin.connect.ConnectionForm;
import hudson.util.ListBoxModel;
import hudson.util.FormValidation;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowState;
import io.jenkins.plugins.stepfunctions.plugin.follow.ConsoleUrls;
import io.jenkins.plugins.stepfunctions.plugin.follow.FollowOptions;
import java.io.Serial;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code sfnAwait(executionArn: ...)}: follows an execution started elsewhere (by {@code sfnStart}, another
 * build, EventBridge...) to its end, exactly as {@code sfnExecute} follows its own, and returns the same map.
 */
public final class SfnAwaitStep extends Step {
    private final String executionArn;
    private final FollowOptions follow = new FollowOptions();

    @DataBoundConstructor
    public SfnAwaitStep(String executionArn) {
        this.executionArn = executionArn;
    }

    public String getExecutionArn() {
        return executionArn;
    }

    // --- how to follow (FollowOptions) ---

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

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, executionArn, follow);
    }

    static final class Execution extends FollowingExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String executionArn;

        Execution(StepContext context, String executionArn, FollowOptions follow) {
            super(context, follow);
            this.executionArn = executionArn;
        }

        @Override
        protected FollowState begin(BuildContext build, AwsClients clients) throws AbortException {
            if (follow.callbacks()) {
                throw new AbortException("waitMode: 'callback' hands the execution its URL when it starts, so it"
                        + " needs sfnExecute; sfnAwait can wait with 'poll' or 'sqs'");
            }
            String arn = executionArn == null ? "" : executionArn.trim();
            build.action().record(arn, ConsoleUrls.execution(build.connection(), arn));
            build.log().println("Following execution " + arn);
            return new FollowState(arn, follow.approvalRules());
        }
    }

    @Extension
    @Symbol("sfnAwait")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "sfnAwait";
        }

        @Override
        public String getDisplayName() {
            return "Follow an AWS Step Functions execution to the end";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
        }

        public ListBoxModel doFillRenderStyleItems() {
            return ConnectionForm.renderStyles();
        }

        public ListBoxModel doFillWaitModeItems() {
            return ConnectionForm.waitModes();
        }

        public FormValidation doCheckExecutionArn(@QueryParameter String value) {
            return ConnectionForm.check(FormChecks.executionArn(value));
        }
    }
}
