package io.jenkins.plugins.stepfunctions.cli.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.bridge.approval.ApprovalRules;
import io.jenkins.plugins.stepfunctions.bridge.render.RenderedLine;
import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import io.jenkins.plugins.stepfunctions.bridge.watch.ExecutionFollower;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowListener;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowState;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowStats;
import io.jenkins.plugins.stepfunctions.bridge.watch.PollingPolicy;
import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import io.jenkins.plugins.stepfunctions.engine.server.EngineApi;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** Following an execution of the engine in this process: no sleeping while history waits. */
class InProcessFollowingTest {
    static final String LOOP = """
            {"StartAt":"Init","States":{
             "Init":{"Type":"Pass","Parameters":{"i":0,"n.$":"$.n"},"Next":"Check"},
             "Check":{"Type":"Choice","Choices":[{"Variable":"$.i","NumericLessThanPath":"$.n","Next":"Increment"}],"Default":"Done"},
             "Increment":{"Type":"Pass","Parameters":{"i.$":"States.MathAdd($.i, 1)","n.$":"$.n"},"Next":"Check"},
             "Done":{"Type":"Succeed"}}}""";
    /** A follower told to look again only after an hour: it would never finish a test if it slept that long. */
    static final PollingPolicy HOUR = new PollingPolicy(Duration.ofHours(1), Duration.ofHours(1), 1.0, 0,
            Duration.ofHours(1), 1.0);

    private final EngineApi api = EngineApi.start(new EngineConfig(Clock.systemUTC(), 0.01, null, null));
    private final SfnClient sfn = new InProcessSfnClient(api);

    @AfterEach
    void stop() {
        api.close();
    }

    private String start(String definition, String input) {
        String machine = sfn.createStateMachine(b -> b.name("m").definition(definition)
                .roleArn("arn:aws:iam::123456789012:role/r")).stateMachineArn();
        return sfn.startExecution(b -> b.stateMachineArn(machine).input(input)).executionArn();
    }

    private ExecutionFollower follower(String executionArn, List<HistoryEvent> events, PollingPolicy policy) {
        FollowListener listener = new FollowListener() {
            @Override
            public void event(HistoryEvent e) {
                events.add(e);
            }

            @Override
            public void line(RenderedLine line) {
                // the lines are InProcessRunOutputTest's
            }
        };
        return new ExecutionFollower(sfn, new FollowState(executionArn, new ApprovalRules(List.of(), List.of())), listener,
                policy, Clock.systemUTC(), new Random(1), new FollowStats());
    }

    @Test
    void readsAgainAtOnceWhileHistoryWaitsSoAFollowerToldToWaitAnHourStillDeliversEveryEventInOrder() throws Exception {
        String arn = start(LOOP, "{\"n\":1500}");
        List<HistoryEvent> events = new CopyOnWriteArrayList<>();

        try (InProcessFollowing following = InProcessFollowing.start(follower(arn, events, HOUR), api)) {
            Outcome outcome = following.result().get(60, TimeUnit.SECONDS);

            assertThat(outcome.status()).isEqualTo("SUCCEEDED");
            assertThat(outcome.output().path("i").asInt()).isEqualTo(1500);
            // every event once, in order: 1,500 iterations of Check and Increment, entered and exited
            assertThat(events).extracting(HistoryEvent::id)
                    .containsExactly(LongStream.rangeClosed(1, api.historySize(arn)).boxed().toArray(Long[]::new));
            assertThat(events).hasSizeGreaterThan(6000);
            assertThat(following.reads()).isGreaterThan(1);
        }
    }

    @Test
    void waitsWhileNoEventIsWaitingInsteadOfReadingAgainAndAgain() throws Exception {
        // a Wait of 2 s at time scale 0.01: 20 ms in which the history does not grow
        String arn = start("{\"StartAt\":\"Pause\",\"States\":{\"Pause\":{\"Type\":\"Wait\",\"Seconds\":2,\"End\":true}}}", "{}");
        List<HistoryEvent> events = new CopyOnWriteArrayList<>();
        PollingPolicy fast = new PollingPolicy(Duration.ofMillis(5), Duration.ofMillis(5), 1.0, 0, Duration.ofMillis(5), 0.01);

        try (InProcessFollowing following = InProcessFollowing.start(follower(arn, events, fast), api)) {
            assertThat(following.result().get(60, TimeUnit.SECONDS).status()).isEqualTo("SUCCEEDED");

            assertThat(events).extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted", "WaitStateEntered",
                    "WaitStateExited", "ExecutionSucceeded");
            assertThat(following.waits()).isPositive();
        }
    }

    @Test
    void aHistoryThatStopsGrowingIsReadAgainOnlyWhenTheFollowersDelayIsOver() throws Exception {
        // the history size says nothing is waiting: the driver waits out the follower's delay, then reads once more
        String arn = start(LOOP, "{\"n\":1}");
        List<HistoryEvent> events = new CopyOnWriteArrayList<>();
        long[] reportedSize = {0};
        PollingPolicy short20 = new PollingPolicy(Duration.ofMillis(20), Duration.ofMillis(20), 1.0, 0, Duration.ofMillis(20), 1);

        try (InProcessFollowing following = InProcessFollowing.start(follower(arn, events, short20), () -> reportedSize[0])) {
            assertThat(following.result().get(60, TimeUnit.SECONDS).status()).isEqualTo("SUCCEEDED");
            assertThat(events.get(events.size() - 1).typeAsString()).isEqualTo("ExecutionSucceeded");
        }
    }

    @Test
    void closingStopsFollowingAnExecutionThatGoesOn() throws Exception {
        String arn = start("{\"StartAt\":\"Pause\",\"States\":{\"Pause\":{\"Type\":\"Wait\",\"Seconds\":100000,\"End\":true}}}", "{}");
        InProcessFollowing following = InProcessFollowing.start(follower(arn, new CopyOnWriteArrayList<>(), HOUR), api);

        following.close();

        assertThat(following.result()).failsWithin(60, TimeUnit.SECONDS);
        assertThat(following.result()).isCancelled();
    }
}
