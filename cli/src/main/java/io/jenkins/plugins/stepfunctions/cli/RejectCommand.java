package io.jenkins.plugins.stepfunctions.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sfn reject}: answer an execution's pending approval with SendTaskFailure (error Approval.Rejected). */
@Command(name = "reject", mixinStandardHelpOptions = true,
        description = "Reject the pending approval of an execution (SendTaskFailure, error Approval.Rejected).",
        footer = {"", "Exit codes: 0 sent, 2 bad input (several pending: use --state), 5 no pending approval, 6 connection, 8 already closed."})
public final class RejectCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    private AnswerOptions answer = new AnswerOptions();

    @Override
    public Integer call() {
        return AnswerApproval.answer("reject", connection, answer, false, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
