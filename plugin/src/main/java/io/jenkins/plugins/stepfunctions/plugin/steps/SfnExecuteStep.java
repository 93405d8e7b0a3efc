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
import org.jenkinsci.plugins.workflow.steps.Step;
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
public final class SfnExecuteStep extends Step {
    private final String stateMachine;
    private final LaunchOptions launch = new LaunchOptions();
    private final FollowOptions follow = new FollowOptions();

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
