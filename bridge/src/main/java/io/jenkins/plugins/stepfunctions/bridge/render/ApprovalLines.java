package io.jenkins.plugins.stepfunctions.bridge.render;

import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import java.util.Map;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The transition log's lines for approvals: the question when one opens, and why it closed. Stateless; the
 * follower asks for them when the {@code ApprovalTracker} reports a change at {@code event}.
 */
public final class ApprovalLines {
    private ApprovalLines() {
    }

    /** {@code ? approval pending at <state>: <message> (submitters: a, b)} */
    public static RenderedLine pending(HistoryEvent event, PendingApproval approval) {
        return new RenderedLine(event.timestamp(), event.id(), LineKind.APPROVAL, 0, approval.state(),
                "? approval pending at " + approval.state() + ": " + approval.message()
                        + (approval.submitters().isEmpty() ? "" : " (submitters: " + String.join(", ", approval.submitters()) + ")"),
                Map.of("approvalId", approval.id()));
    }

    /** {@code approval at <state> closed: <reason>} */
    public static RenderedLine closed(HistoryEvent event, PendingApproval approval, String reason) {
        return new RenderedLine(event.timestamp(), event.id(), LineKind.APPROVAL, 0, approval.state(),
                "approval at " + approval.state() + " closed: " + reason,
                Map.of("approvalId", approval.id(), "reason", reason));
    }
}
