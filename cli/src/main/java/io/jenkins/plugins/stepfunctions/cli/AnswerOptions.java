package io.jenkins.plugins.stepfunctions.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code sfn approve} and {@code sfn reject} take: which approval, and who answers why. */
public final class AnswerOptions {
    @Parameters(index = "0", paramLabel = "EXECUTION_ARN", description = "The execution waiting for approval.")
    String executionArn;

    @Option(names = "--state", paramLabel = "STATE", description = "The state asking, when several approvals are pending.")
    String state;

    @Option(names = "--comment", paramLabel = "TEXT", description = "Why; the state machine receives it.")
    String comment;

    @Option(names = "--approver", paramLabel = "NAME", description = "Who answers (default: $USER).")
    String approver;

    @Option(names = "--parameters", paramLabel = "JSON",
            description = "The approval's parameters as the approver fills them in (a JSON object; default: as the state machine sent them).")
    String parameters;

    @Option(names = "--approval-state", paramLabel = "STATE", description = "Treat this .waitForTaskToken state as an approval (repeatable).")
    List<String> approvalStates = new ArrayList<>();

    String approverName() {
        FollowOptions names = new FollowOptions();
        names.approver = approver;
        return names.approverName();
    }
}
