package io.jenkins.plugins.stepfunctions.plugin.steps;

import org.kohsuke.stapler.QueryParameter;
import io.jenkins.plugins.stepfunctions.plugin.connect.FormChecks;
import io.jenkins.plugins.stepfunctions.plugin.connect.ConnectionForm;
import hudson.util.FormValidation;
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
 * {@code sfnSendTaskSuccess(taskToken: params.TASK_TOKEN, output: '{"version":"1.4.2"}')}: a build that a
 * state machine started (its task token passed as a build parameter) reports its result to that task.
 */
public final class SfnSendTaskSuccessStep extends Step {
    private final String taskToken;
    private String output = "{}";

    @DataBoundConstructor
    public SfnSendTaskSuccessStep(String taskToken) {
        this.taskToken = taskToken;
    }

    public String getTaskToken() {
        return taskToken;
    }

    public String getOutput() {
        return output;
    }

    /** A JSON document, the task's output. */
    @DataBoundSetter
    public void setOutput(String output) {
        this.output = output == null || output.isBlank() ? "{}" : output;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, taskToken, output);
    }

    static final class Execution extends OneShotExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String taskToken;
        private final String output;

        Execution(StepContext context, String taskToken, String output) {
            super(context);
            this.taskToken = taskToken;
            this.output = output;
        }

        @Override
        protected Object call(BuildContext build) throws Exception {
            Secret token = TaskTokens.requirePresent(taskToken);
            TaskTokens.requireJson("output", output);
            try (AwsClients clients = build.clients()) {
                clients.sfn().sendTaskSuccess(b -> b.taskToken(token.reveal()).output(output));
            }
            build.log().println("Sent task success for task token " + token.redacted());
            return null;
        }
    }

    @Extension
    @Symbol("sfnSendTaskSuccess")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "sfnSendTaskSuccess";
        }

        @Override
        public String getDisplayName() {
            return "Report success to a Step Functions task (SendTaskSuccess)";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
        }

        public FormValidation doCheckOutput(@QueryParameter String value) {
            return ConnectionForm.check(FormChecks.json(value));
        }
    }

}
