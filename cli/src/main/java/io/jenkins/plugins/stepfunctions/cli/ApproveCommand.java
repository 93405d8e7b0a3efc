package io.jenkins.plugins.stepfunctions.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sfn approve}: answer an execution's pending approval with SendTaskSuccess. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Approve the pending approval of an execution (SendTaskSuccess {approved:true, approver, comment, parameters}).",
        footer = {"", "Exit codes: 0 sent, 2 bad input (several pending: use --state), 5 no pending approval, 6 connection, 8 already closed."})
public final class ApproveCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    private AnswerOptions answer = new AnswerOptions();

    @Override
    public Integer call() {
        return AnswerApproval.answer("approve", connection, answer, true, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
