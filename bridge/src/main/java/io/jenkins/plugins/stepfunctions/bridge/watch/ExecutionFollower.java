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
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * Follows one execution without holding a thread: each {@link #advance()} makes one history call
 * (rarely one more: a heartbeat, the definition for a retry line) and says when to be called again.
 * Every event is delivered to the listener exactly once, in order, and the {@link FollowState} can be
 * saved after any advance and handed to a new follower after a restart.
 *
 * <p>Reading history: forward pages of 1000 with nextToken while catching up; once caught up (AWS gives
 * no token at the end of a running execution's history), newest-first pages sized to what is new, so
 * a poll is one call that returns the new events plus a few already delivered ones. Event ids are consecutive,
 * so anything at or below the cursor is dropped: a retried call can never deliver an event twice.
 *
 * <p>Locking: advances run one at a time, and change the {@link FollowState} only while holding its monitor,
 * never across a call to AWS (the calls a batch needs, its definition or a truncated output, are made before).
 * Whoever saves the state holds the same monitor and so never waits for a call in flight.
 */
public final class ExecutionFollower {
    /**
     * Errors in a row, before the first event, from an endpoint that has not answered as Step Functions yet
     * (nothing listening, no credentials): after these, following fails instead of retrying forever.
     */
    static final int UNPROVEN_ATTEMPTS = 6;

    private final SfnClient sfn;
    private final FollowState state;
    private final FollowListener listener;
    private final PollingPolicy policy;
    private final Clock clock;
    private final FollowStats stats;
    private final FollowBackoff backoff;

    private final HistoryReader history;
    private final EventFanOut fanOut;
    private int unprovenErrorsInRow;
    private volatile boolean woken;
    /** One advance at a time; never held by a saver. */
    private final Object advancing = new Object();
    private final Map<String, Instant> lastHeartbeat = new HashMap<>();

    /**
     * @param sfn a client that does not retry on its own (see {@code AwsClients.sfnNoRetry()}): the
     *            follower retries on its schedule instead of sleeping on a shared thread
     */
    public ExecutionFollower(SfnClient sfn, FollowState state, FollowListener listener, PollingPolicy policy,
                             Clock clock, Random random, FollowStats stats) {
        this.sfn = sfn;
        this.state = state;
        this.listener = listener;
        this.policy = policy == null ? PollingPolicy.defaults() : policy;
        this.clock = clock == null ? Clock.systemUTC() : clock;
        this.stats = stats == null ? new FollowStats() : stats;
        this.backoff = new FollowBackoff(this.policy, random == null ? new Random() : random);
        this.history = new HistoryReader(sfn, state.executionArn(), this.stats);
        this.fanOut = new EventFanOut(sfn, state, listener, this.policy.timeScale(), this.stats);
    }

    public ExecutionFollower(SfnClient sfn, FollowState state, FollowListener listener) {
        this(sfn, state, listener, PollingPolicy.defaults(), Clock.systemUTC(), new Random(), new FollowStats());
    }

    public FollowState state() {
        return state;
    }

    public String executionArn() {
        return state.executionArn();
    }

    public FollowStats stats() {
        return stats;
    }

    /** Something (a callback) says the execution moved: the next delay is short. */
    public void wake() {
        woken = true;
    }

    /** Makes progress: one history call, delivering what is new. Never blocks beyond that call. */
    public Advance advance() {
        synchronized (advancing) {
            return advanceOnce();
        }
    }

    private Advance advanceOnce() {
        if (state.outcome() != null) {
            return new Advance.Finished(state.outcome());
        }
        try {
            heartbeats();
            boolean morePages = poll();
            backoff.succeeded();
            unprovenErrorsInRow = 0;
            if (state.outcome() != null) {
                return new Advance.Finished(state.outcome());
            }
            if (morePages) {
                return new Advance.Again(Duration.ZERO);
            }
            boolean wasWoken = woken;
            woken = false;
            return new Advance.Again(backoff.afterPoll(state.lastBatch() > 0 || wasWoken, state.pendingApprovals()));
        } catch (SdkException e) {
            if (!FollowErrors.retryable(e)) {
                throw FollowErrors.historyFailure(state.executionArn(), e);
            }
            unprovenErrorsInRow = FollowErrors.provesStepFunctions(e) || state.cursor().lastEventId() > 0 ? 0 : unprovenErrorsInRow + 1;
            if (unprovenErrorsInRow >= UNPROVEN_ATTEMPTS) {
                throw FollowErrors.unreachable(state.executionArn(), unprovenErrorsInRow, e);
            }
            if (FollowErrors.isThrottle(e)) {
                stats.throttle();
            }
            stats.retriedError();
            history.reset();
            return new Advance.Again(backoff.afterError());
        }
    }

    /** @return true when another page is waiting right now */
    private boolean poll() {
        if (!(history.read(state.cursor(), state.lastBatch()) instanceof HistoryReader.Batch batch)) {
            return true;
        }
        List<HistoryEvent> events = batch.events();
        fanOut.prepare(events);
        synchronized (state) {
            events.forEach(fanOut::deliver);
            state.lastBatch(events.size());
            state.cursor(state.cursor().withNextToken(batch.nextToken()));
        }
        stats.poll(!events.isEmpty());
        return batch.nextToken() != null && state.outcome() == null;
    }

    private void heartbeats() {
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
    public AnswerResult answer(String approvalId, Decision decision) {
        return answer(approvalId, decision, true);
    }

    /**
     * @param checkSubmitters false where submitter names mean nothing (the command line, whose user
     *                        holds the AWS credentials anyway); the Jenkins plugin always checks
     */
    public AnswerResult answer(String approvalId, Decision decision, boolean checkSubmitters) {
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
