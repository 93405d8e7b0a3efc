package io.jenkins.plugins.stepfunctions.cli;

import io.jenkins.plugins.stepfunctions.bridge.render.RenderStyle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How to show an execution and answer its approvals: shared by {@code run} and {@code follow}. */
public final class FollowOptions {
    enum Output { text, json }

    @Option(names = "--output", defaultValue = "text", paramLabel = "text|json",
            description = "text: lines for people (default); json: one JSON object per line, the outcome last.")
    Output output = Output.text;

    @Option(names = "--color", description = "Colour the text lines (ANSI).")
    boolean color;

    @Option(names = "--result-file", paramLabel = "FILE",
            description = "Write {status, output, error, cause, history} as JSON to FILE when the execution ends.")
    Path resultFile;

    @Option(names = "--approve-all", description = "Approve every pending approval without asking (CI).")
    boolean approveAll;

    @Option(names = "--reject-all", description = "Reject every pending approval without asking (CI).")
    boolean rejectAll;

    @Option(names = "--approver", paramLabel = "NAME", description = "Who answers approvals (default: $USER).")
    String approver;

    @Option(names = "--comment", paramLabel = "TEXT", description = "Comment sent with answers given by --approve-all/--reject-all.")
    String comment;

    @Option(names = "--approval-state", paramLabel = "STATE",
            description = "Also treat this .waitForTaskToken state as an approval (repeatable).")
    List<String> approvalStates = new ArrayList<>();

    @Option(names = "--approval-activity", paramLabel = "ARN",
            description = "Also treat tasks of this activity as approvals (repeatable).")
    List<String> approvalActivities = new ArrayList<>();

    /** Refuses options that contradict each other, before anything starts. */
    void check(picocli.CommandLine commandLine) {
        if (approveAll && rejectAll) {
            throw new picocli.CommandLine.ParameterException(commandLine, "--approve-all and --reject-all contradict each"
                    + " other: every approval would be both approved and rejected; give one of them (or neither, to be asked)");
        }
    }

    RenderStyle style() {
        return output == Output.json ? RenderStyle.JSON : color ? RenderStyle.COLOR : RenderStyle.PLAIN;
    }

    String approverName() {
        if (approver != null && !approver.isBlank()) {
            return approver;
        }
        String user = System.getenv("USER");
        return user == null || user.isBlank() ? System.getProperty("user.name", "sfn") : user;
    }
}
