package io.jenkins.plugins.stepfunctions.cli;

import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code sfn approve} command that answers a pending approval from another terminal, exactly as it must be
 * typed there: the options that reach the same endpoint (an {@code sfn run --local}'s served API, {@code --endpoint},
 * {@code --region}) included, and every word quoted for a POSIX shell where it needs it (state names may hold spaces).
 *
 * @param connection the options another {@code sfn} needs to reach the execution, one word each
 */
record ApproveCommandLine(List<String> connection) {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    ApproveCommandLine {
        connection = List.copyOf(connection);
    }

    /** {@code verb} is approve or reject. */
    String of(String verb, PendingApproval p) {
        List<String> words = new ArrayList<>(List.of("sfn", verb, p.executionArn(), "--state", p.state()));
        words.addAll(connection);
        return words.stream().map(ApproveCommandLine::quoted).collect(Collectors.joining(" "));
    }

    static String quoted(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
