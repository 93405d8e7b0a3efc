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

/** {@code sfnStart(stateMachine: ..., input: ...)}: starts an execution and returns its ARN without waiting. */
public final class SfnStartStep extends Step {
    private final String stateMachine;
    private final LaunchOptions launch = new LaunchOptions();

    @DataBoundConstructor
    public SfnStartStep(String stateMachine) {
        this.stateMachine = stateMachine;
    }

    public String getStateMachine() {
        return stateMachine;
    }

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
        return new Execution(context, stateMachine, launch);
    }

    static final class Execution extends OneShotExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String stateMachine;
        private final LaunchOptions launch;

        Execution(StepContext context, String stateMachine, LaunchOptions launch) {
            super(context);
            this.stateMachine = stateMachine;
            this.launch = launch;
        }

        @Override
        protected Object call(BuildContext build) throws Exception {
            try (AwsClients clients = build.clients()) {
                return StartedExecutions.launch(build, clients, stateMachine, launch, null).executionArn();
            }
        }
    }

    @Extension
    @Symbol("sfnStart")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "sfnStart";
        }

        @Override
        public String getDisplayName() {
            return "Start an AWS Step Functions execution (returns its ARN)";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
        }

        public FormValidation doCheckStateMachine(@QueryParameter String value) {
            return ConnectionForm.check(FormChecks.stateMachine(value));
        }

        public FormValidation doCheckInput(@QueryParameter String value) {
            return ConnectionForm.check(FormChecks.json(value));
        }
    }
}
