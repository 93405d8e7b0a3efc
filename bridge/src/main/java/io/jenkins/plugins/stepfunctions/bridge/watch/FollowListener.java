package io.jenkins.plugins.stepfunctions.bridge.watch;

import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import io.jenkins.plugins.stepfunctions.bridge.render.RenderedLine;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Receives what a follower finds, in history order, each at most once. Called on the thread that
 * advances the follower; implementations should not block.
 */
public interface FollowListener {

    void line(RenderedLine line);

    /** Every history event, before its lines; for a history file or a build page. */
    default void event(HistoryEvent event) {
    }

    default void approvalPending(PendingApproval approval) {
    }

    /** The approval was answered (here or elsewhere), timed out, or its execution ended. */
    default void approvalClosed(PendingApproval approval, String reason) {
    }
}
