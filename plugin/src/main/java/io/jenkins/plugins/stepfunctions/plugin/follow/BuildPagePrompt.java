package io.jenkins.plugins.stepfunctions.plugin.follow;

import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import io.jenkins.plugins.stepfunctions.plugin.build.StepFunctionsRunAction;
import io.jenkins.plugins.stepfunctions.plugin.runtime.JenkinsServices;
import java.io.PrintStream;

/** Approvals answered on the build's Step Functions page: the console points there. */
public final class BuildPagePrompt implements ApprovalPrompt {
    private final JenkinsServices services;
    private final PrintStream log;
    private final StepFunctionsRunAction action;

    public BuildPagePrompt(JenkinsServices services, PrintStream log, StepFunctionsRunAction action) {
        this.services = services;
        this.log = log;
        this.action = action;
    }

    @Override
    public void opened(PendingApproval approval, boolean resumed) {
        if (resumed) {
            return; // the page lists it again; the console said so before the restart
        }
        ApprovalText.details(approval).forEach(line -> log.println("  " + line));
        log.println("  Paused for approval: " + services.consoleLink(action.url(), "approve or reject on the build page"));
    }

    @Override
    public void closed(PendingApproval approval, String reason) {
        // the page drops it with the record; the renderer has printed the reason
    }

    @Override
    public void closeAll(String reason) {
        // nothing is held outside the record
    }
}
