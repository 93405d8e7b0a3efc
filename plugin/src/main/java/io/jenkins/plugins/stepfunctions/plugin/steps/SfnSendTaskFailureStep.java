package io.jenkins.plugins.stepfunctions.plugin.steps;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;
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
 * {@code sfnSendTaskFailure(taskToken: params.TASK_TOKEN, error: 'Build.Failed', cause: '...')}: a build that a
 * state machine started reports failure to that task, which then retries or takes its Catch.
 */
public final class SfnSendTaskFailureStep extends Step {
    private final String taskToken;
    private String error = "Jenkins.BuildFailed";
    private String cause;

    @DataBoundConstructor
    public SfnSendTaskFailureStep(String taskToken) {
        this.taskToken = taskToken;
    }

    public String getTaskToken() {
        return taskToken;
    }

    public String getError() {
        return error;
    }

    @DataBoundSetter
    public void setError(String error) {
        this.error = error == null || error.isBlank() ? "Jenkins.BuildFailed" : error.trim();
    }

    public String getCause() {
        return cause;
    }

    @DataBoundSetter
    public void setCause(String cause) {
        this.cause = cause;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, taskToken, error, cause);
    }

    static final class Execution extends OneShotExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String taskToken;
        private final String error;
        private final String cause;

        Execution(StepContext context, String taskToken, String error, String cause) {
            super(context);
            this.taskToken = taskToken;
            this.error = error;
            this.cause = cause;
        }

        @Override
        protected Object call(BuildContext build) throws Exception {
            Secret token = TaskTokens.requirePresent(taskToken);
            try (AwsClients clients = build.clients()) {
                clients.sfn().sendTaskFailure(b -> b.taskToken(token.reveal()).error(error).cause(cause));
            }
            build.log().println("Sent task failure " + error + " for task token " + token.redacted());
            return null;
        }
    }

    @Extension
    @Symbol("sfnSendTaskFailure")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "sfnSendTaskFailure";
        }

        @Override
        public String getDisplayName() {
            return "Report failure to a Step Functions task (SendTaskFailure)";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
        }
    }
}
