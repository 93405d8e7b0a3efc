package io.jenkins.plugins.stepfunctions.plugin.freestyle;

import hudson.EnvVars;
import hudson.Extension;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.BuildListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import io.jenkins.plugins.stepfunctions.plugin.runtime.JenkinsServices;
import io.jenkins.plugins.stepfunctions.plugin.testing.StateMachineTests;
import java.io.IOException;
import java.io.Serial;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The freestyle "Test Step Functions state machines" build step: what {@code sfnTest} does in a Pipeline, on
 * the build's workspace, with {@code ${VAR}} expanded in the paths and the JUnit file.
 */
public final class SfnTestBuilder extends Builder {
    private StateMachineTests tests = new StateMachineTests();

    @DataBoundConstructor
    public SfnTestBuilder() {
    }

    /** A config.xml written before a field existed reads back with the field's default. */
    @Serial
    private Object readResolve() {
        if (tests == null) {
            tests = new StateMachineTests();
        }
        return this;
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
    public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
            throws InterruptedException, IOException {
        EnvVars env = build.getEnvironment(listener);
        StateMachineTests expanded = new StateMachineTests();
        expanded.setPaths(env.expand(tests.getPaths()));
        expanded.setJunitFile(env.expand(tests.getJunitFile()));
        expanded.setMinCoverage(tests.getMinCoverage());
        expanded.setTimeScale(tests.getTimeScale());
        expanded.setCaseTimeoutSeconds(tests.getCaseTimeoutSeconds());
        expanded.run(JenkinsServices.live().workspace(build.getWorkspace()), build, listener.getLogger());
        return true;
    }

    @Extension
    @Symbol("stepFunctionsTests")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return "Test Step Functions state machines";
        }
    }
}
