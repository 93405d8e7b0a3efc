package io.jenkins.plugins.stepfunctions.bridge.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.stepfunctions.bridge.BridgeException;
import io.jenkins.plugins.stepfunctions.bridge.RecordingListener;
import io.jenkins.plugins.stepfunctions.bridge.watch.ExecutionFollower;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowState;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateEnteredEventDetails;
import software.amazon.awssdk.services.sfn.model.TaskScheduledEventDetails;

/**
 * An answer that Step Functions does not take at once (a throttle, a 5xx): retried, and when it still fails the
 * approval is not left "already answered" and the error says so in one sentence. SendTaskSuccess is answered by a
 * scripted client (no engine: the engine never throttles).
 */
class AnswerRetryTest {
    private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:deploy:build-1";

    private final Deque<SfnException> failures = new ArrayDeque<>();
    private final AtomicInteger sends = new AtomicInteger();
    private final SfnClient sfn = (SfnClient) Proxy.newProxyInstance(SfnClient.class.getClassLoader(),
            new Class<?>[] {SfnClient.class}, (proxy, method, args) -> {
                if (!method.getName().equals("sendTaskSuccess")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                sends.incrementAndGet();
                SfnException failure = failures.poll();
                if (failure != null) {
                    throw failure;
                }
                return SendTaskSuccessResponse.builder().build();
            });

    private static SfnException error(int status, String code) {
        return (SfnException) SfnException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }

    /** A follower whose state holds one pending approval at state Approve. */
    private ExecutionFollower followerWithPendingApproval() {
        FollowState state = FollowState.start(ARN);
        Instant now = Instant.now();
        state.approvals().observe(HistoryEvent.builder().id(2L).previousEventId(1L).timestamp(now).type("TaskStateEntered")
                .stateEnteredEventDetails(StateEnteredEventDetails.builder().name("Approve").input("{}").build()).build());
        state.approvals().observe(HistoryEvent.builder().id(3L).previousEventId(2L).timestamp(now).type("TaskScheduled")
                .taskScheduledEventDetails(TaskScheduledEventDetails.builder().resourceType("sqs")
                        .resource("sendMessage.waitForTaskToken").region("us-east-1")
                        .parameters("{\"MessageBody\":{\"taskToken\":\"tok-1\",\"approval\":{\"message\":\"Ship?\"}}}")
                        .build()).build());
        assertThat(state.pendingApprovals()).hasSize(1);
        return new ExecutionFollower(sfn, state, new RecordingListener());
    }

    private static String approvalId(ExecutionFollower follower) {
        return follower.state().pendingApprovals().iterator().next().id();
    }

    @Test
    void aThrottledAnswerIsRetriedWithBackoffUntilItGetsThrough() {
        ExecutionFollower follower = followerWithPendingApproval();
        failures.add(error(400, "ThrottlingException"));
        failures.add(error(500, "ServiceUnavailable"));

        AnswerResult result = follower.answer(approvalId(follower), Decision.approve("alice", null), false);

        assertThat(result).isEqualTo(AnswerResult.ANSWERED);
        assertThat(sends).hasValue(3);
    }

    @Test
    void anAnswerThatKeepsFailingReleasesTheApprovalAndSaysSoWithoutAStackTrace() {
        ExecutionFollower follower = followerWithPendingApproval();
        String id = approvalId(follower);
        for (int i = 0; i < 10; i++) {
            failures.add(error(503, "ServiceUnavailable"));
        }

        assertThatThrownBy(() -> follower.answer(id, Decision.approve("alice", null), false))
                .isInstanceOf(BridgeException.class)
                .hasMessage("approval: Step Functions did not take the approval of Approve after 4 attempts:"
                        + " ServiceUnavailable (HTTP 503); the approval is still open; try again in a moment");
        assertThat(follower.state().approvals().isAnswered(id)).as("the claim was released").isFalse();

        failures.clear();
        assertThat(follower.answer(id, Decision.approve("alice", "second try"), false)).isEqualTo(AnswerResult.ANSWERED);
    }

    @Test
    void anAnswerRefusedForGoodIsNotRetriedAndLeavesTheApprovalOpen() {
        ExecutionFollower follower = followerWithPendingApproval();
        String id = approvalId(follower);
        failures.add(error(400, "AccessDeniedException"));

        assertThatThrownBy(() -> follower.answer(id, Decision.approve("alice", null), false))
                .isInstanceOf(BridgeException.class).hasMessageContaining("AccessDeniedException (HTTP 400)");
        assertThat(sends).hasValue(1);
        assertThat(follower.state().approvals().isAnswered(id)).isFalse();
    }
}
