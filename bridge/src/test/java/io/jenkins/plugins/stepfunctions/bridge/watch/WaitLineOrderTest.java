package io.jenkins.plugins.stepfunctions.bridge.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.bridge.RecordingListener;
import io.jenkins.plugins.stepfunctions.bridge.render.RenderStyle;
import io.jenkins.plugins.stepfunctions.bridge.render.RenderedLine;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineForExecutionRequest;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineForExecutionResponse;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryRequest;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * The log of a run must not depend on polling luck: a Wait's line is the same whether the follower read the
 * WaitStateEntered alone while the state waited (live) or together with everything after it (late), and whether
 * or not the definition, which the line needs, was throttled the first time it was asked for.
 */
class WaitLineOrderTest {
    private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:bake:run-1";
    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");
    private static final String DEFINITION = """
            {"StartAt":"Bake","States":{
              "Bake":{"Type":"Wait","SecondsPath":"$.minutes","Next":"Cool"},
              "Cool":{"Type":"Wait","Seconds":3600,"End":true}}}""";
    private static final List<HistoryEvent> HISTORY = List.of(
            HistoryEvent.builder().id(1L).type("ExecutionStarted").timestamp(T0)
                    .executionStartedEventDetails(d -> d.input("{\"minutes\":90}")).build(),
            HistoryEvent.builder().id(2L).previousEventId(1L).type("WaitStateEntered").timestamp(T0.plusMillis(5))
                    .stateEnteredEventDetails(d -> d.name("Bake").input("{\"minutes\":90}")).build(),
            HistoryEvent.builder().id(3L).previousEventId(2L).type("WaitStateExited").timestamp(T0.plusMillis(905))
                    .stateExitedEventDetails(d -> d.name("Bake").output("{\"minutes\":90}")).build(),
            HistoryEvent.builder().id(4L).previousEventId(3L).type("WaitStateEntered").timestamp(T0.plusMillis(906))
                    .stateEnteredEventDetails(d -> d.name("Cool").input("{\"minutes\":90}")).build(),
            HistoryEvent.builder().id(5L).previousEventId(4L).type("WaitStateExited").timestamp(T0.plusMillis(36_906))
                    .stateExitedEventDetails(d -> d.name("Cool").output("{\"minutes\":90}")).build(),
            HistoryEvent.builder().id(6L).previousEventId(5L).type("ExecutionSucceeded").timestamp(T0.plusMillis(36_907))
                    .executionSucceededEventDetails(d -> d.output("{\"minutes\":90}")).build());

    /** An execution's history that grows as the test says, read the way Step Functions pages it. */
    private static final class GrowingHistory implements SfnClient {
        int visible;
        final AtomicInteger definitionThrottles = new AtomicInteger();

        GrowingHistory(int visible, int definitionThrottles) {
            this.visible = visible;
            this.definitionThrottles.set(definitionThrottles);
        }

        @Override
        public GetExecutionHistoryResponse getExecutionHistory(GetExecutionHistoryRequest r) {
            List<HistoryEvent> events = new ArrayList<>(HISTORY.subList(0, visible));
            if (Boolean.TRUE.equals(r.reverseOrder())) {
                java.util.Collections.reverse(events);
            }
            int from = r.nextToken() == null ? 0 : Integer.parseInt(r.nextToken());
            int to = Math.min(events.size(), from + (r.maxResults() == null ? 1000 : r.maxResults()));
            return GetExecutionHistoryResponse.builder().events(events.subList(from, to))
                    .nextToken(to < events.size() ? Integer.toString(to) : null).build();
        }

        @Override
        public DescribeStateMachineForExecutionResponse describeStateMachineForExecution(DescribeStateMachineForExecutionRequest r) {
            if (definitionThrottles.getAndDecrement() > 0) {
                throw (SfnException) SfnException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ThrottlingException").errorMessage("Rate exceeded").build()).build();
            }
            return DescribeStateMachineForExecutionResponse.builder().definition(DEFINITION).build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }

    /** The lines a follower prints when it reads the history {@code step} events at a time (as they come). */
    private static List<String> log(int step, int definitionThrottles, double timeScale) {
        GrowingHistory history = new GrowingHistory(Math.min(step, HISTORY.size()), definitionThrottles);
        RecordingListener listener = new RecordingListener();
        ExecutionFollower follower = new ExecutionFollower(history, FollowState.start(ARN), listener,
                PollingPolicy.defaults().pacedAt(timeScale), Clock.systemUTC(), new Random(7), new FollowStats());
        for (int advances = 0; advances < 100; advances++) {
            if (follower.advance() instanceof Advance.Finished) {
                return listener.lines.stream().map(l -> l.format(RenderStyle.PLAIN) + " " + l.fields()).toList();
            }
            history.visible = Math.min(HISTORY.size(), history.visible + step);
        }
        throw new AssertionError("the follower did not finish");
    }

    private static List<String> waitLines(List<String> log) {
        return log.stream().filter(l -> l.contains("waiting")).toList();
    }

    @Test
    void aWaitsLineIsTheSameWhetherTheFollowerSawTheWaitLiveOrReadItLate() {
        List<String> live = log(1, 0, 1);
        List<String> late = log(HISTORY.size(), 0, 1);

        assertThat(waitLines(live)).containsExactly(
                "10:00:00   waiting until 10:01:30 UTC (1m30s) {wakeUp=2030-01-01T10:01:30.005Z}",
                "10:00:00   waiting until 11:00:00 UTC (1h00m) {wakeUp=2030-01-01T11:00:00.906Z}");
        assertThat(late).isEqualTo(live);
    }

    @Test
    void atAnotherTimeScaleTheWaitLineIsAlsoTheSameLiveOrLate() {
        List<String> live = log(1, 0, 0.01);

        assertThat(waitLines(live)).anyMatch(l -> l.contains("waiting 1h00m at the definition's pace (36.0s at time scale 0.01)"));
        assertThat(log(2, 0, 0.01)).isEqualTo(live);
        assertThat(log(HISTORY.size(), 0, 0.01)).isEqualTo(live);
    }

    @Test
    void aThrottledDefinitionReadDoesNotTakeTheWaitLineOutOfTheLog() {
        List<String> calm = log(1, 0, 1);

        assertThat(log(1, 1, 1)).isEqualTo(calm);
        assertThat(log(HISTORY.size(), 2, 1)).isEqualTo(calm);
    }
}
