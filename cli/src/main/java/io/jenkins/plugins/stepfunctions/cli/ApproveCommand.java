package io.jenkins.plugins.stepfunctions.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sfn approve}: answer an execution's pending approval with SendTaskSuccess. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Approve the pending approval of an execution (SendTaskSuccess {approved:true, approver, comment, parameters}).",
        footer = {"", "Exit codes: 0 sent, 2 bad input (several pending: use --state), 5 no pending approval, 6 connection, 8 already closed."})
public final class ApproveCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private ConnectionOptions connection = new ConnectionOptions();

    @Parameters(index = "0", paramLabel = "EXECUTION_ARN", description = "The execution waiting for approval.")
    private String executionArn;

    @Option(names = "--state", paramLabel = "STATE", description = "The state asking, when several approvals are pending.")
    private String state;

    @Option(names = "--comment", paramLabel = "TEXT", description = "Why; the state machine receives it.")
    private String comment;

    @Option(names = "--approver", paramLabel = "NAME", description = "Who approves (default: $USER).")
    private String approver;

    @Option(names = "--approval-state", paramLabel = "STATE", description = "Treat this .waitForTaskToken state as an approval (repeatable).")
    private List<String> approvalStates = new ArrayList<>();

    @Override
    public Integer call() {
        FollowOptions names = new FollowOptions();
        names.approver = approver;
        return AnswerApproval.answer("approve", connection, executionArn, state, approvalStates, true, names.approverName(),
                comment, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
