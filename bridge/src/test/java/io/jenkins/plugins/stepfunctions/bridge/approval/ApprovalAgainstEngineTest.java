package io.jenkins.plugins.stepfunctions.bridge.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.stepfunctions.bridge.EngineFixture;
import io.jenkins.plugins.stepfunctions.bridge.RecordingListener;
import io.jenkins.plugins.stepfunctions.bridge.launch.LaunchRequest;
import io.jenkins.plugins.stepfunctions.bridge.launch.Launcher;
import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import io.jenkins.plugins.stepfunctions.bridge.watch.ExecutionFollower;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowState;
import io.jenkins.plugins.stepfunctions.bridge.watch.Following;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApprovalAgainstEngineTest {
    static final String GATE = """
            {"StartAt":"AskRelease","States":{
              "AskRelease":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken",
                "HeartbeatSeconds":%d,"TimeoutSeconds":86400,
                "Parameters":{"TopicArn":"arn:aws:sns:us-east-1:123456789012:approvals","Message":{
                  "TaskToken.$":"$$.Task.Token",
                  "approval":{"message.$":"States.Format('Release {}?', $.version)","submitter":"alice, bob",
                    "parameters":{"ticket":""},"metadata":{"version.$":"$.version"}}}},
                "ResultPath":"$.approval",
                "Catch":[{"ErrorEquals":["Approval.Rejected"],"ResultPath":"$.failure","Next":"Rejected"}],
                "Next":"Released"},
              "Rejected":{"Type":"Fail","Error":"Release.Rejected","Cause":"not approved"},
              "Released":{"Type":"Succeed"}}}""";
    static final String NAMED = """
            {"StartAt":"ManualGate","States":{
              "ManualGate":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "Parameters":{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/q","MessageBody":{"token.$":"$$.Task.Token"}},
                "End":true}}}""";

    static EngineFixture engine;
    static String gate;
    static String gateWithHeartbeat;
    static String named;

    @BeforeAll
    static void start() throws Exception {
        engine = new EngineFixture();
        gate = engine.createMachine("gate", GATE.formatted(3600));
        gateWithHeartbeat = engine.createMachine("gate-hb", GATE.formatted(200));
        named = engine.createMachine("named", NAMED);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private String start(String arn) {
        return new Launcher(engine.clients.sfn()).launch(LaunchRequest.of(arn, "{\"version\":\"3.1.0\"}")).executionArn();
    }

    private Following follow(FollowState state, RecordingListener listener) {
        return engine.scheduler.follow(engine.follower(state, listener), "engine");
    }

    private static PendingApproval awaitPending(RecordingListener listener) throws InterruptedException {
        for (int i = 0; i < 500 && listener.pending.isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertThat(listener.pending).as("a pending approval").isNotEmpty();
        return listener.pending.get(0);
    }

    @Test
    void findsTheConventionApprovalWithMessageSubmittersAndMetadataAndApprovingSucceeds() throws Exception {
        RecordingListener listener = new RecordingListener();
        Following following = follow(FollowState.start(start(gate)), listener);

        PendingApproval p = awaitPending(listener);
        assertThat(p.state()).isEqualTo("AskRelease");
        assertThat(p.source()).isEqualTo(PendingApproval.Source.CONVENTION);
        assertThat(p.message()).isEqualTo("Release 3.1.0?");
        assertThat(p.submitters()).containsExactly("alice", "bob");
        assertThat(p.metadata()).containsEntry("version", "3.1.0");
        assertThat(p.deadline()).isEqualTo(p.scheduledAt().plusSeconds(3600 * 24));
        assertThat(p.taskToken().toString()).doesNotContain(p.taskToken().reveal());
        assertThat(listener.text()).contains("? approval pending at AskRelease: Release 3.1.0? (submitters: alice, bob)")
                .doesNotContain(p.taskToken().reveal());

        AnswerResult r = following.follower().answer(p.id(), Decision.approve("alice", "ship it"));
        Outcome outcome = following.result().get(20, TimeUnit.SECONDS);

        assertThat(r).isEqualTo(AnswerResult.ANSWERED);
        assertThat(outcome.status()).isEqualTo("SUCCEEDED");
        assertThat(outcome.output().path("approval").path("approved").asBoolean()).isTrue();
        assertThat(outcome.output().path("approval").path("approver").asText()).isEqualTo("alice");
        assertThat(outcome.output().path("approval").path("comment").asText()).isEqualTo("ship it");
        assertThat(outcome.output().path("approval").path("parameters").has("ticket")).isTrue();
        assertThat(listener.closed).containsExactly("AskRelease: approved");
    }

    @Test
    void rejectingFailsTheTaskWithApprovalRejectedWhichTheStateMachineCatches() throws Exception {
        RecordingListener listener = new RecordingListener();
        Following following = follow(FollowState.start(start(gate)), listener);
        PendingApproval p = awaitPending(listener);

        following.follower().answer(p.id(), Decision.reject("bob", "not today"));
        Outcome outcome = following.result().get(20, TimeUnit.SECONDS);

        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.error()).isEqualTo("Release.Rejected");
        assertThat(listener.text()).contains("caught Approval.Rejected, going to Rejected");
        assertThat(listener.closed).containsExactly("AskRelease: rejected");
    }

    @Test
    void anApprovalIsNeverAnsweredTwiceAndOnlyByASubmitter() throws Exception {
        RecordingListener listener = new RecordingListener();
        Following following = follow(FollowState.start(start(gate)), listener);
        PendingApproval p = awaitPending(listener);
        ExecutionFollower f = following.follower();

        assertThatThrownBy(() -> f.answer(p.id(), Decision.approve("mallory", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alice, bob");
        assertThat(f.answer(p.id(), Decision.approve("bob", null))).isEqualTo(AnswerResult.ANSWERED);
        assertThat(f.answer(p.id(), Decision.reject("alice", null))).isIn(AnswerResult.ALREADY_ANSWERED);
        assertThat(following.result().get(20, TimeUnit.SECONDS).status()).isEqualTo("SUCCEEDED");
        assertThat(f.answer(p.id(), Decision.reject("alice", null))).isEqualTo(AnswerResult.ALREADY_ANSWERED);
    }

    @Test
    void anApprovalAnsweredElsewhereIsWithdrawnAndTheLogSaysSo() throws Exception {
        RecordingListener listener = new RecordingListener();
        Following following = follow(FollowState.start(start(gate)), listener);
        PendingApproval p = awaitPending(listener);

        engine.clients.sfn().sendTaskSuccess(b -> b.taskToken(p.taskToken().reveal()).output("{\"approved\":true}"));
        Outcome outcome = following.result().get(20, TimeUnit.SECONDS);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(listener.closed).singleElement().asString().startsWith("AskRelease: answered elsewhere");
        assertThat(listener.text()).contains("approval at AskRelease closed: answered elsewhere");
        assertThat(following.follower().answer(p.id(), Decision.approve("alice", null))).isEqualTo(AnswerResult.CLOSED_ELSEWHERE);
    }

    @Test
    void aStopOfTheExecutionWithdrawsThePendingApproval() throws Exception {
        RecordingListener listener = new RecordingListener();
        String arn = start(gate);
        Following following = follow(FollowState.start(arn), listener);
        awaitPending(listener);

        engine.clients.sfn().stopExecution(b -> b.executionArn(arn).error("Build.Aborted").cause("build aborted"));
        Outcome outcome = following.result().get(20, TimeUnit.SECONDS);

        assertThat(outcome.status()).isEqualTo("ABORTED");
        assertThat(listener.closed).singleElement().asString().contains("execution ended");
    }

    @Test
    void aStateNamedInTheConfiguredListIsAnApprovalWithoutTheConvention() throws Exception {
        RecordingListener listener = new RecordingListener();
        FollowState state = new FollowState(start(named), new ApprovalRules(List.of("ManualGate"), List.of()));
        Following following = follow(state, listener);

        PendingApproval p = awaitPending(listener);
        assertThat(p.source()).isEqualTo(PendingApproval.Source.STATE_NAME);
        assertThat(p.message()).isEqualTo("Approve ManualGate?");
        following.follower().answer(p.id(), Decision.approve("ci", "auto"));

        assertThat(following.result().get(20, TimeUnit.SECONDS).output().path("approver").asText()).isEqualTo("ci");
    }

    @Test
    void anActivityTaskOfAConfiguredActivityIsAnApprovalAnsweredThroughGetActivityTask() throws Exception {
        String activity = engine.clients.sfn().createActivity(b -> b.name("release-approvals")).activityArn();
        String machine = engine.createMachine("activity-gate", """
                {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"%s",
                  "Parameters":{"execution.$":"$$.Execution.Id","approval":{"message":"Ship via activity?"}},
                  "ResultPath":"$.approval","End":true}}}""".formatted(activity));
        RecordingListener listener = new RecordingListener();
        Following following = follow(new FollowState(start(machine), new ApprovalRules(List.of(), List.of(activity))), listener);

        PendingApproval p = awaitPending(listener);
        assertThat(p.source()).isEqualTo(PendingApproval.Source.ACTIVITY);
        assertThat(p.message()).isEqualTo("Ship via activity?");
        assertThat(following.follower().answer(p.id(), Decision.approve("carol", null))).isEqualTo(AnswerResult.ANSWERED);

        Outcome outcome = following.result().get(20, TimeUnit.SECONDS);
        assertThat(outcome.output().path("approval").path("approver").asText()).isEqualTo("carol");
    }

    @Test
    void aCallbackTaskNotFollowingTheConventionIsNotAnApproval() throws Exception {
        RecordingListener listener = new RecordingListener();
        String arn = start(named);
        Following following = follow(FollowState.start(arn), listener);
        Thread.sleep(300);

        assertThat(listener.pending).isEmpty();
        engine.clients.sfn().stopExecution(b -> b.executionArn(arn));
        following.result().get(20, TimeUnit.SECONDS);
    }

    @Test
    void sendsHeartbeatsWhileTheApprovalIsPendingSoTheTaskDoesNotTimeOut() throws Exception {
        RecordingListener listener = new RecordingListener();
        Following following = follow(FollowState.start(start(gateWithHeartbeat)), listener);
        PendingApproval p = awaitPending(listener);
        assertThat(p.heartbeatSeconds()).isEqualTo(200);
        // 4 s here is 400 s for the engine: twice the 200 s heartbeat the task would time out on, while
        // heartbeats go out every ~0.7 s, so a loaded machine's scheduling hiccup cannot fail the test
        Thread.sleep(4000);
        assertThat(following.result()).isNotDone();

        following.follower().answer(p.id(), Decision.approve("alice", null));

        assertThat(following.result().get(20, TimeUnit.SECONDS).status()).isEqualTo("SUCCEEDED");
        assertThat(following.follower().stats().otherCalls()).isGreaterThan(5);
    }
}
