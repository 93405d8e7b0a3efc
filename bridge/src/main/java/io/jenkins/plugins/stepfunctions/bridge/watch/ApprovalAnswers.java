package io.jenkins.plugins.stepfunctions.bridge.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.bridge.BridgeException;
import io.jenkins.plugins.stepfunctions.bridge.approval.AnswerResult;
import io.jenkins.plugins.stepfunctions.bridge.approval.Decision;
import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * Talks to Step Functions for the approvals the {@link FollowState}'s tracker holds: answers (SendTaskSuccess,
 * SendTaskFailure), heartbeats for tasks with HeartbeatSeconds, and claims of activity tasks (GetActivityTask) that
 * hand out an activity approval's token. {@link #answer} may be called from any thread (a person's click, the command
 * line); the tracker's claim makes sure one approval is answered once. {@link #heartbeats} runs on the advancing
 * thread.
 */
final class ApprovalAnswers {
    private final SfnClient sfn;
    private final FollowState state;
    private final PollingPolicy policy;
    private final Clock clock;
    private final FollowStats stats;
    /** When each approval's task was last heartbeated; only the advancing thread touches it. */
    private final Map<String, Instant> lastHeartbeat = new HashMap<>();

    ApprovalAnswers(SfnClient sfn, FollowState state, PollingPolicy policy, Clock clock, FollowStats stats) {
        this.sfn = sfn;
        this.state = state;
        this.policy = policy;
        this.clock = clock;
        this.stats = stats;
    }

    /** Heartbeats every pending, unanswered approval whose task has HeartbeatSeconds and is due (a third of it). */
    void heartbeats() {
        Instant now = clock.instant();
        for (PendingApproval p : state.pendingApprovals()) {
            if (p.heartbeatSeconds() <= 0 || p.taskToken() == null || state.approvals().isAnswered(p.id())) {
                continue;
            }
            Instant last = lastHeartbeat.getOrDefault(p.id(), p.scheduledAt());
            if (Duration.between(last, now).compareTo(policy.heartbeatEvery(p.heartbeatSeconds())) >= 0) {
                try {
                    stats.otherCall();
                    sfn.sendTaskHeartbeat(b -> b.taskToken(p.taskToken().reveal()));
                } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException closed) {
                    // the history will show why; the approval is withdrawn when that event arrives
                }
                lastHeartbeat.put(p.id(), now);
            }
        }
    }

    /**
     * Answers a pending approval: approve sends SendTaskSuccess, reject SendTaskFailure with
     * {@link Decision#REJECTED_ERROR}. Never sends twice for one approval, from any thread. A throttle, a 5xx or a
     * network error is retried a few times with backoff; if the answer still does not get through, the claim is
     * released (the approval can be answered again) and a {@link BridgeException} says so in one sentence.
     *
     * @throws IllegalArgumentException when the approver is not one of the approval's submitters
     */
    AnswerResult answer(String approvalId, Decision decision, boolean checkSubmitters) {
        PendingApproval p = state.pendingApprovals().stream().filter(a -> a.id().equals(approvalId)).findFirst().orElse(null);
        if (p == null) {
            return state.approvals().isAnswered(approvalId) ? AnswerResult.ALREADY_ANSWERED : AnswerResult.CLOSED_ELSEWHERE;
        }
        if (checkSubmitters && !p.allows(decision.approver())) {
            throw new IllegalArgumentException("'" + decision.approver() + "' may not answer the approval at " + p.state()
                    + "; allowed: " + String.join(", ", p.submitters()));
        }
        if (!state.approvals().claim(approvalId)) {
            return AnswerResult.ALREADY_ANSWERED;
        }
        boolean settled = false;
        try {
            AnswerResult result = send(p, decision);
            settled = true;
            return result;
        } catch (SdkException e) {
            String why = FollowErrors.answerProblem(e);
            throw new BridgeException("AnswerFailed", "approval", "Step Functions did not take the "
                    + (decision.approved() ? "approval" : "rejection") + " of " + (p.state() == null ? "the step" : p.state())
                    + (FollowErrors.retryable(e) ? " after " + ANSWER_ATTEMPTS + " attempts" : "") + ": " + why
                    + "; the approval is still open", "try again in a moment", e);
        } finally {
            if (!settled) {
                state.approvals().release(approvalId);
            }
        }
    }

    /** Attempts at sending an answer; throttles, 5xx and network errors are retried after 250 ms, 500 ms, 1 s. */
    static final int ANSWER_ATTEMPTS = 4;

    private AnswerResult send(PendingApproval p, Decision decision) {
        for (int attempt = 1; ; attempt++) {
            try {
                return sendOnce(p, decision);
            } catch (SdkException e) {
                if (attempt >= ANSWER_ATTEMPTS || !FollowErrors.retryable(e)) {
                    throw e;
                }
                if (FollowErrors.isThrottle(e)) {
                    stats.throttle();
                }
                try {
                    Thread.sleep(FollowBackoff.answerDelay(attempt).toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private AnswerResult sendOnce(PendingApproval approval, Decision decision) {
        // an activity's token, once claimed by an earlier attempt, is in the tracker
        PendingApproval p = state.pendingApprovals().stream().filter(a -> a.id().equals(approval.id())).findFirst()
                .orElse(approval);
        try {
            Secret token = p.taskToken() != null ? p.taskToken() : claimActivityTask(p);
            if (token == null) {
                return AnswerResult.CLOSED_ELSEWHERE;
            }
            ObjectNode body = JsonText.JSON.createObjectNode();
            body.put("approved", decision.approved());
            body.put("approver", decision.approver());
            body.put("comment", decision.comment());
            body.set("parameters", decision.parameters() != null ? decision.parameters() : p.parameters());
            stats.otherCall();
            if (decision.approved()) {
                sfn.sendTaskSuccess(b -> b.taskToken(token.reveal()).output(body.toString()));
            } else {
                sfn.sendTaskFailure(b -> b.taskToken(token.reveal()).error(Decision.REJECTED_ERROR)
                        .cause(body.toString()));
            }
            return AnswerResult.ANSWERED;
        } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException closed) {
            return AnswerResult.CLOSED_ELSEWHERE;
        }
    }

    /**
     * Activity approvals get their token from GetActivityTask; the task handed out must be this
     * execution's (same input), which is why activity approvals should put {@code $$.Execution.Id} in
     * their input.
     */
    private Secret claimActivityTask(PendingApproval p) {
        stats.otherCall();
        GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(p.activityArn()).workerName("sfn-bridge"));
        if (task.taskToken() == null || task.taskToken().isEmpty()) {
            return null;
        }
        JsonNode got = JsonText.parse(task.input());
        JsonNode want = JsonText.parse(p.activityInput());
        if (got != null && !got.equals(want)) {
            sfn.sendTaskFailure(b -> b.taskToken(task.taskToken()).error("Approval.WrongExecution")
                    .cause("sfn-bridge claimed this activity task while looking for the approval of " + p.id()));
            return null;
        }
        Secret token = Secret.of(task.taskToken());
        state.approvals().update(p.withTaskToken(token));
        return token;
    }
}
