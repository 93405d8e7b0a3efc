package io.jenkins.plugins.stepfunctions.plugin.follow;

import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import java.util.ArrayList;
import java.util.List;

/** What the console shows of an approval beside its question, whichever way it is answered. */
public final class ApprovalText {
    private ApprovalText() {
    }

    /** The approval's metadata, one {@code key: value} each, then its deadline if it has one. */
    public static List<String> details(PendingApproval approval) {
        List<String> lines = new ArrayList<>();
        approval.metadata().forEach((key, value) -> lines.add(key + ": " + value));
        if (approval.deadline() != null) {
            lines.add("answer before " + approval.deadline() + " (the task times out then)");
        }
        return lines;
    }
}
