package io.jenkins.plugins.stepfunctions.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistoryReplayTest {
    private static final String DEFINITION = """
            {"StartAt":"Pause","States":{
              "Pause":{"Type":"Wait","Seconds":30,"Next":"Work"},
              "Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,
                "Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":3}]}}}""";

    @Test
    void beforeAnyEventEveryStateIsNotReached() {
        ViewData view = HistoryReplay.replay("arn:aws:states:eu-west-1:1:execution:m:e1", Events.json(DEFINITION), java.util.List.of());

        assertThat(view.states().values()).extracting(StateView::status).containsOnly(StateStatus.NOT_REACHED);
        assertThat(view.execution().status()).isNull();
        assertThat(view.execution().name()).isEqualTo("e1");
    }

    @Test
    void aWaitStateIsWaitingUntilItsSecondsHavePassed() {
        Events h = new Events();
        long started = h.add("ExecutionStarted", 0, "executionStartedEventDetails", Events.JSON.createObjectNode().put("input", "{}"));
        long entered = h.entered("Wait", "Pause", started);

        ViewData view = HistoryReplay.replay("arn", Events.json(DEFINITION), h.all);

        StateView pause = view.states().get("Pause");
        assertThat(pause.status()).isEqualTo(StateStatus.WAITING);
        assertThat(pause.waitUntil()).isEqualTo(pause.enteredAt() + 30_000);
        assertThat(pause.eventIds()).containsExactly(entered);
        assertThat(view.execution().status()).isEqualTo("RUNNING");
    }

    @Test
    void aTaskScheduledAgainAfterAFailureIsRetryingWithItsAttemptCount() {
        Events h = new Events();
        long started = h.add("ExecutionStarted", 0, null, null);
        long entered = h.entered("Task", "Work", started);
        long scheduled = h.add("TaskScheduled", entered, "taskScheduledEventDetails",
                Events.JSON.createObjectNode().put("resource", "invoke").put("parameters", "{}"));
        long failed = h.add("TaskFailed", scheduled, "taskFailedEventDetails",
                Events.JSON.createObjectNode().put("error", "Boom").put("cause", "it broke"));

        ViewData afterFailure = HistoryReplay.replay("arn", Events.json(DEFINITION), h.all);
        h.add("TaskScheduled", failed, "taskScheduledEventDetails",
                Events.JSON.createObjectNode().put("resource", "invoke").put("parameters", "{}"));
        ViewData retrying = HistoryReplay.replay("arn", Events.json(DEFINITION), h.all);

        assertThat(afterFailure.states().get("Work").status()).isEqualTo(StateStatus.FAILED);
        assertThat(afterFailure.states().get("Work").error()).isEqualTo("Boom");
        assertThat(retrying.states().get("Work").status()).isEqualTo(StateStatus.RETRYING);
        assertThat(retrying.states().get("Work").attempts()).isEqualTo(2);
        assertThat(retrying.states().get("Work").retries()).isEqualTo(1);
    }

    @Test
    void stoppingTheExecutionAbortsTheStateThatWasRunning() {
        Events h = new Events();
        long started = h.add("ExecutionStarted", 0, null, null);
        long entered = h.entered("Wait", "Pause", started);
        h.add("ExecutionAborted", entered, "executionAbortedEventDetails", Events.JSON.createObjectNode().put("error", "Stop"));

        ViewData view = HistoryReplay.replay("arn", Events.json(DEFINITION), h.all);

        assertThat(view.states().get("Pause").status()).isEqualTo(StateStatus.ABORTED);
        assertThat(view.states().get("Pause").waitUntil()).isNull();
        assertThat(view.execution().status()).isEqualTo("ABORTED");
    }

    @Test
    void statesTheDefinitionDoesNotNameAreShownAsTheHistoryTellsThem() {
        Events h = new Events();
        long started = h.add("ExecutionStarted", 0, null, null);
        long entered = h.entered("Pass", "Elsewhere", started);
        h.exited("Pass", "Elsewhere", entered);

        ViewData view = HistoryReplay.replay("arn", null, h.all);

        assertThat(view.states().get("Elsewhere").status()).isEqualTo(StateStatus.SUCCEEDED);
        assertThat(view.states().get("Elsewhere").output()).isEqualTo("{\"n\":2}");
    }

    @Test
    void timestampsAreReadAsEpochSecondsOrIsoText() {
        assertThat(HistoryEvents.time(Events.json("1700000000.123"))).isEqualTo(1_700_000_000_123L);
        assertThat(HistoryEvents.time(Events.json("\"2023-11-14T22:13:20.123Z\""))).isEqualTo(1_700_000_000_123L);
        assertThat(HistoryEvents.time(Events.json("\"yesterday\""))).isNull();
    }
}
