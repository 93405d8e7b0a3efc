package io.jenkins.plugins.stepfunctions.bridge.watch;

import io.jenkins.plugins.stepfunctions.bridge.BridgeException;
import io.jenkins.plugins.stepfunctions.bridge.approval.AnswerResult;
import io.jenkins.plugins.stepfunctions.bridge.approval.Decision;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Follows one execution without holding a thread: each {@link #advance()} makes one history call
 * (rarely one more: a heartbeat, the definition for a retry line) and says when to be called again.
 * Every event is delivered to the listener exactly once, in order, and the {@link FollowState} can be
 * saved after any advance and handed to a new follower after a restart.
 *
 * <p>The follower only puts in order what its parts do, one job each:
 * <ul>
 *   <li>{@link HistoryReader}: the history after the cursor, one call per read (paging, de-duplication);</li>
 *   <li>{@link EventFanOut}: each new event to the listener, the renderer, the approval tracker, the cursor and
 *       the outcome;</li>
 *   <li>{@link ApprovalAnswers}: answers, heartbeats and activity claims for pending approvals;</li>
 *   <li>{@link FollowBackoff}: the delay before the next advance, after a poll or after an error;</li>
 *   <li>{@link FollowErrors}: which errors are retried, and the words for those that end following.</li>
 * </ul>
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

    private final FollowState state;
    private final FollowStats stats;
    private final HistoryReader history;
    private final EventFanOut fanOut;
    private final ApprovalAnswers answers;
    private final FollowBackoff backoff;

    private int unprovenErrorsInRow;
    private volatile boolean woken;
    /** One advance at a time; never held by a saver. */
    private final Object advancing = new Object();

    /**
     * @param sfn a client that does not retry on its own (see {@code AwsClients.sfnNoRetry()}): the
     *            follower retries on its schedule instead of sleeping on a shared thread
     */
    public ExecutionFollower(SfnClient sfn, FollowState state, FollowListener listener, PollingPolicy policy,
                             Clock clock, Random random, FollowStats stats) {
        PollingPolicy p = policy == null ? PollingPolicy.defaults() : policy;
        this.state = state;
        this.stats = stats == null ? new FollowStats() : stats;
        this.history = new HistoryReader(sfn, state.executionArn(), this.stats);
        this.fanOut = new EventFanOut(sfn, state, listener, p.timeScale(), this.stats);
        this.answers = new ApprovalAnswers(sfn, state, p, clock == null ? Clock.systemUTC() : clock, this.stats);
        this.backoff = new FollowBackoff(p, random == null ? new Random() : random);
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
            answers.heartbeats();
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
        return answers.answer(approvalId, decision, checkSubmitters);
    }
}
