package io.jenkins.plugins.stepfunctions.plugin.steps;

import org.kohsuke.stapler.QueryParameter;
import io.jenkins.plugins.stepfunctions.plugin.connect.FormChecks;
import io.jenkins.plugins.stepfunctions.plugin.connect.ConnectionForm;
import hudson.util.ListBoxModel;
import hudson.util.FormValidation;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.bridge.launch.Launched;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowState;
import io.jenkins.plugins.stepfunctions.plugin.follow.FollowOptions;
import io.jenkins.plugins.stepfunctions.plugin.follow.LaunchOptions;
import java.io.Serial;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code sfnExecute(stateMachine: ..., input: ...)}: starts an execution, streams its transitions into the
 * build log, surfaces its approvals on the build page, and returns
 * {@code [executionArn, status, output, error, cause]}; a failed execution fails the build unless
 * {@code propagate: false}.
 */
public final class SfnExecuteStep extends FollowingStep {
    private final String stateMachine;
    private final LaunchOptions launch = new LaunchOptions();

    @DataBoundConstructor
    public SfnExecuteStep(String stateMachine) {
        this.stateMachine = stateMachine;
    }

    public String getStateMachine() {
        return stateMachine;
    }

    // --- how to start (LaunchOptions) ---

    public String getQualifier() {
        return launch.getQualifier();
    }

    @DataBoundSetter
    public void setQualifier(String qualifier) {
        launch.setQualifier(qualifier);
    }

    public String getInput() {
        return launch.getInput();
    }

    @DataBoundSetter
    public void setInput(String input) {
        launch.setInput(input);
    }

    public String getInputFile() {
        return launch.getInputFile();
    }

    @DataBoundSetter
    public void setInputFile(String inputFile) {
        launch.setInputFile(inputFile);
    }

    public String getInputValues() {
        return launch.getInputValues();
    }

    @DataBoundSetter
    public void setInputValues(String inputValues) {
        launch.setInputValues(inputValues);
    }

    public String getInputEnvironment() {
        return launch.getInputEnvironment();
    }

    @DataBoundSetter
    public void setInputEnvironment(String inputEnvironment) {
        launch.setInputEnvironment(inputEnvironment);
    }

    public boolean isBuildMetadata() {
        return launch.isBuildMetadata();
    }

    @DataBoundSetter
    public void setBuildMetadata(boolean buildMetadata) {
        launch.setBuildMetadata(buildMetadata);
    }

    public String getBuildMetadataKey() {
        return launch.getBuildMetadataKey();
    }

    @DataBoundSetter
    public void setBuildMetadataKey(String buildMetadataKey) {
        launch.setBuildMetadataKey(buildMetadataKey);
    }

    public String getExecutionName() {
        return launch.getExecutionName();
    }

    @DataBoundSetter
    public void setExecutionName(String executionName) {
        launch.setExecutionName(executionName);
    }

    public String getTraceHeader() {
        return launch.getTraceHeader();
    }

    @DataBoundSetter
    public void setTraceHeader(String traceHeader) {
        launch.setTraceHeader(traceHeader);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, stateMachine, launch, follow);
    }

    static final class Execution extends FollowingExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String stateMachine;
        private final LaunchOptions launch;

        Execution(StepContext context, String stateMachine, LaunchOptions launch, FollowOptions follow) {
            super(context, follow);
            this.stateMachine = stateMachine;
            this.launch = launch;
        }

        @Override
        protected FollowState begin(BuildContext build, AwsClients clients) throws Exception {
            Launched launched = StartedExecutions.launch(build, clients, stateMachine, launch,
                    follow.callbacks() ? callbackSecret() : null);
            return new FollowState(launched.executionArn(), follow.approvalRules());
        }
    }

    @Extension
    @Symbol("sfnExecute")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "sfnExecute";
        }

        @Override
        public String getDisplayName() {
            return "Run an AWS Step Functions execution and follow it to the end";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
        }

        public ListBoxModel doFillWaitModeItems() {
            return ConnectionForm.waitModes();
        }

        public ListBoxModel doFillApprovalsItems() {
            return ConnectionForm.approvalModes();
        }

        public ListBoxModel doFillRenderStyleItems() {
            return ConnectionForm.renderStyles();
        }

        public FormValidation doCheckStateMachine(@QueryParameter String value) {
            return ConnectionForm.check(FormChecks.stateMachine(value));
        }

        public FormValidation doCheckInput(@QueryParameter String value) {
            return ConnectionForm.check(FormChecks.json(value));
        }
    }
}
