package io.jenkins.plugins.stepfunctions.plugin.follow;

import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;

/**
 * Where a person is asked to answer the approvals a build follows: the build page (freestyle, or
 * {@code approvals: 'page'}) or Jenkins' own {@code input} (Pipeline). Called on the follower's thread.
 */
public interface ApprovalPrompt {

    /**
     * An approval is pending.
     *
     * @param resumed true when it was pending already before a controller restart (or a resumed follow)
     */
    void opened(PendingApproval approval, boolean resumed);

    /** The approval closed: answered here or elsewhere, timed out, or its execution ended. */
    void closed(PendingApproval approval, String reason);

    /** The build stops following (it ended, or was aborted): whatever is still asked is withdrawn. */
    void closeAll(String reason);
}
