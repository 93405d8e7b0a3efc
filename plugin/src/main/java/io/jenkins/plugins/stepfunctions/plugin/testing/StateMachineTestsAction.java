package io.jenkins.plugins.stepfunctions.plugin.testing;

import hudson.model.Action;

/**
 * One {@code sfnTest}'s result on the build's page (a line in its summary: cases, coverage, what failed, what
 * was never taken). No page of its own, hence no URL and no sidebar link.
 */
public final class StateMachineTestsAction implements Action {
    private final StateMachineTestResult result;

    public StateMachineTestsAction(StateMachineTestResult result) {
        this.result = result;
    }

    public StateMachineTestResult getResult() {
        return result;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "State machine tests";
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
