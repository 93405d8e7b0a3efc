package io.jenkins.plugins.stepfunctions.plugin.input;

import hudson.model.BooleanParameterDefinition;
import hudson.model.ChoiceParameterDefinition;
import hudson.model.ParameterDefinition;
import hudson.model.Run;
import hudson.model.StringParameterDefinition;
import hudson.model.TextParameterDefinition;
import io.jenkins.plugins.stepfunctions.bridge.approval.AnswerResult;
import io.jenkins.plugins.stepfunctions.bridge.approval.Decision;
import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import io.jenkins.plugins.stepfunctions.plugin.follow.ApprovalPrompt;
import io.jenkins.plugins.stepfunctions.plugin.follow.ApprovalText;
import io.jenkins.plugins.stepfunctions.plugin.runtime.JenkinsServices;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStep;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;

/**
 * A Pipeline build's pending approvals as Jenkins {@code input} steps: each one a real {@link InputStep}
 * execution, listed in the run's {@code InputAction} (the console's Proceed/Abort links, the build's
 * {@code input} page, "Paused for Input" in Stage View and Blue Ocean, the {@code input/ID/proceed|abort}
 * REST endpoints, the {@code submitter} rule), started under an {@link InputContext} so that its outcome
 * answers the approval instead of ending the step. Proceed sends SendTaskSuccess; Abort sends SendTaskFailure
 * {@code Approval.Rejected} and the build goes on following the execution down its rejection path. An
 * approval that closes elsewhere is withdrawn from the InputAction without touching the build.
 *
 * <p>The inputs are not saved: after a restart the follower's saved state still holds the pending
 * approvals, and they are asked again under the same ids.
 */
public final class ApprovalInputs implements ApprovalPrompt {
    private final StepContext step;
    private final JenkinsServices services;
    private final PrintStream log;
    private final Map<String, Asked> asked = new ConcurrentHashMap<>();

    private record Asked(PendingApproval approval, StepExecution input, InputContext context) {
    }

    public ApprovalInputs(StepContext step, JenkinsServices services, PrintStream log) {
        this.step = step;
        this.services = services;
        this.log = log;
    }

    @Override
    public void opened(PendingApproval approval, boolean resumed) {
        if (!resumed) {
            ApprovalText.details(approval).forEach(line -> log.println("  " + line));
        }
        ask(approval);
    }

    private void ask(PendingApproval approval) {
        String id = ApprovalForm.inputId(approval);
        try {
            InputStep input = new InputStep(approval.message());
            input.setId(id);
            input.setOk("Approve");
            input.setCancel("Reject");
            if (!approval.submitters().isEmpty()) {
                input.setSubmitter(String.join(",", approval.submitters()));
            }
            input.setParameters(definitions(ApprovalForm.fields(approval)));
            InputContext context = new InputContext(step, new Answering(approval));
            StepExecution execution = input.start(context);
            forgetIdFromBeforeARestart(execution);
            asked.put(approval.id(), new Asked(approval, execution, context));
            execution.start();
        } catch (Exception | LinkageError e) {
            asked.remove(approval.id());
            log.println("  Could not ask approval " + id + " as an input (" + e + "); answer it on the build's"
                    + " Step Functions page or with sfn approve");
        }
    }

    /**
     * The InputAction keeps the ids of its inputs in build.xml, but after a restart it finds only the inputs
     * of {@code input} steps of the program; ours are asked again, so the old id is dropped first (the
     * InputAction would otherwise list it twice and stay "Paused for Input" after the answer).
     */
    private void forgetIdFromBeforeARestart(StepExecution execution) throws Exception {
        InputAction action = step.get(Run.class).getAction(InputAction.class);
        if (action != null) {
            action.remove((InputStepExecution) execution);
        }
    }

    private static List<ParameterDefinition> definitions(List<ApprovalForm.Field> fields) {
        return fields.stream().map(f -> switch (f.kind()) {
            case BOOLEAN -> (ParameterDefinition) new BooleanParameterDefinition(f.name(), Boolean.parseBoolean(f.defaultValue()), "");
            case CHOICE -> new ChoiceParameterDefinition(f.name(), f.choices().toArray(String[]::new), "");
            case TEXT -> new TextParameterDefinition(f.name(), f.defaultValue(), "");
            case JSON -> new TextParameterDefinition(f.name(), f.defaultValue(), "JSON");
            case STRING, NUMBER -> new StringParameterDefinition(f.name(), f.defaultValue(), "");
        }).toList();
    }

    @Override
    public void closed(PendingApproval approval, String reason) {
        Asked closed = asked.remove(approval.id());
        if (closed != null && closed.context().withdraw()) {
            log.println("  Input " + ApprovalForm.inputId(approval) + " withdrawn (" + reason
                    + "): the build goes on following the execution");
            stopQuietly(closed);
        }
    }

    @Override
    public void closeAll(String reason) {
        for (Asked open : List.copyOf(asked.values())) {
            asked.remove(open.approval().id());
            if (open.context().withdraw()) {
                stopQuietly(open);
            }
        }
    }

    private void stopQuietly(Asked open) {
        try {
            open.input().stop(new ApprovalWithdrawn());
        } catch (Exception e) {
            log.println("  Could not withdraw input " + ApprovalForm.inputId(open.approval()) + ": " + e);
        }
    }

    /** The outcome of one approval's input, sent to Step Functions by the live follower. */
    private final class Answering implements InputContext.Outcome {
        private final PendingApproval approval;

        Answering(PendingApproval approval) {
            this.approval = approval;
        }

        @Override
        public void proceeded(Object submitted) {
            answer(ApprovalForm.decision(approval, true, approver(), submitted));
        }

        @Override
        public void aborted() {
            answer(ApprovalForm.decision(approval, false, approver(), null));
        }

        private String approver() {
            String user = services.currentUserId();
            return user == null ? "anonymous" : user;
        }

        private void answer(Decision decision) {
            asked.remove(approval.id());
            Optional<AnswerResult> result;
            try {
                result = services.activeExecutions().answer(approval.executionArn(), approval.id(), decision);
            } catch (RuntimeException e) {
                log.println("  The answer to " + approval.state() + " could not be sent (" + e.getMessage()
                        + "); it is asked again");
                ask(approval);
                return;
            }
            String who = decision.approver();
            if (result.isEmpty()) {
                log.println("  The answer of " + who + " was not sent: this build is not following the execution now");
            } else if (result.get() == AnswerResult.ANSWERED) {
                log.println(decision.approved()
                        ? "  Approved by " + who + ": SendTaskSuccess sent to Step Functions"
                        : "  Rejected by " + who + ": SendTaskFailure Approval.Rejected sent to Step Functions; the"
                                + " execution takes its rejection path and this build goes on following it (the build"
                                + " is not aborted)");
            } else {
                log.println("  The answer of " + who + " was not sent: the approval was "
                        + (result.get() == AnswerResult.ALREADY_ANSWERED ? "already answered" : "closed elsewhere"));
            }
        }
    }

    /** Why an approval's input was stopped: it closed elsewhere; not a failure of anything. */
    static final class ApprovalWithdrawn extends Exception {
        private static final long serialVersionUID = 1L;

        ApprovalWithdrawn() {
            super("the approval closed elsewhere", null, false, false);
        }
    }
}
