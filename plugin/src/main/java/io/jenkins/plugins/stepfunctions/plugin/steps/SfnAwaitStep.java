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
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code sfnAwait(executionArn: ...)}: follows an execution started elsewhere (by {@code sfnStart}, another
 * build, EventBridge...) to its end, exactly as {@code sfnExecute} follows its own, and returns the same map.
 */
public final class SfnAwaitStep extends FollowingStep {
    private final String executionArn;

    @DataBoundConstructor
    public SfnAwaitStep(String executionArn) {
        this.executionArn = executionArn;
    }

    public String getExecutionArn() {
        return executionArn;
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

        public ListBoxModel doFillApprovalsItems() {
            return ConnectionForm.approvalModes();
        }

        public FormValidation doCheckExecutionArn(@QueryParameter String value) {
            return ConnectionForm.check(FormChecks.executionArn(value));
        }
    }
}
