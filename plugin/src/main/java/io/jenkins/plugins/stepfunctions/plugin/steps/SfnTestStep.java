package io.jenkins.plugins.stepfunctions.plugin.steps;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.stepfunctions.plugin.testing.StateMachineTests;
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
 * {@code sfnTest(paths: 'statemachines/', junitFile: 'target/sfn-test.xml', minCoverage: 80)}: runs the state
 * machines' test cases ({@code sfn test}, docs/testing.md) on the embedded engine on the agent that holds the
 * workspace, prints a line per case and the coverage, keeps the result on the build page, and marks the build
 * UNSTABLE when a case fails or coverage is below {@code minCoverage}. Returns the result as a map.
 */
public final class SfnTestStep extends Step {
    private final StateMachineTests tests = new StateMachineTests();

    @DataBoundConstructor
    public SfnTestStep() {
    }

    public String getPaths() {
        return tests.getPaths();
    }

    @DataBoundSetter
    public void setPaths(String paths) {
        tests.setPaths(paths);
    }

    public String getJunitFile() {
        return tests.getJunitFile();
    }

    @DataBoundSetter
    public void setJunitFile(String junitFile) {
        tests.setJunitFile(junitFile);
    }

    public Double getMinCoverage() {
        return tests.getMinCoverage();
    }

    @DataBoundSetter
    public void setMinCoverage(Double minCoverage) {
        tests.setMinCoverage(minCoverage);
    }

    public double getTimeScale() {
        return tests.getTimeScale();
    }

    @DataBoundSetter
    public void setTimeScale(double timeScale) {
        tests.setTimeScale(timeScale);
    }

    public long getCaseTimeoutSeconds() {
        return tests.getCaseTimeoutSeconds();
    }

    @DataBoundSetter
    public void setCaseTimeoutSeconds(long caseTimeoutSeconds) {
        tests.setCaseTimeoutSeconds(caseTimeoutSeconds);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, tests);
    }

    static final class Execution extends OneShotExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        private final StateMachineTests tests;

        Execution(StepContext context, StateMachineTests tests) {
            super(context);
            this.tests = tests;
        }

        @Override
        protected BuildContext buildContext() throws Exception {
            return BuildContext.withoutConnection(context);
        }

        @Override
        protected Object call(BuildContext build) throws Exception {
            return tests.run(build.workspace(), build.run(), build.log()).toMap();
        }

        @Override
        protected String afterRestart() {
            return "The controller restarted while sfnTest ran; run the step again (tests change nothing outside the agent).";
        }
    }

    @Extension
    @Symbol("sfnTest")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "sfnTest";
        }

        @Override
        public String getDisplayName() {
            return "Test Step Functions state machines on the embedded engine";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class, FilePath.class);
        }
    }
}
