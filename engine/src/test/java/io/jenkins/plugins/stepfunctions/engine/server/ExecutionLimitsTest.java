package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.Definitions.PASS;
import static io.jenkins.plugins.stepfunctions.engine.server.Definitions.ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * Definitions that would run forever or hold a worker, through the AWS SDK against the server: AWS's
 * 25,000-event history quota ends them as AWS does, and StopExecution answers while a worker is busy.
 */
class ExecutionLimitsTest {
    private static final String HISTORY_CAUSE = "The execution reached the maximum number of history events (25000).";

    /** Choice -> Pass -> Choice ... with no Wait and no way out (input {"spin": true}). */
    private static final String ENDLESS_LOOP = """
            {"StartAt": "Loop", "States": {
              "Spin": {"Type": "Pass", "Result": {"spin": true}, "Next": "Loop"},
              "Loop": {"Type": "Choice", "Choices": [{"Variable": "$.spin", "BooleanEquals": false, "Next": "Out"}],
                       "Default": "Spin"},
              "Out": {"Type": "Succeed"}}}""";

    /**
     * The same endless loop, but each turn keeps the worker busy for a while (a JSONata sum over a
     * large range) without writing events: the actor stays inside one long task, as it did in a
     * backtracking regex, and the history grows slowly enough that it does not end by itself first.
     */
    private static final String BUSY_LOOP = """
            {"QueryLanguage": "JSONata", "StartAt": "Spin", "States": {
              "Spin": {"Type": "Pass", "Output": {"n": "{% $sum([1..300000]) %}"}, "Next": "Loop"},
              "Loop": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.n < 0 %}", "Next": "Out"}],
                       "Default": "Spin"},
              "Out": {"Type": "Succeed"}}}""";

    private final TestEngine running = TestEngine.startServer();
    private final SfnClient sfn = running.sfn();

    @AfterEach
    void close() {
        running.close();
    }

    private String stateMachine(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    private String start(String stateMachineArn, String input) {
        return sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).input(input)).executionArn();
    }

    private DescribeExecutionResponse finished(String executionArn) {
        return Awaits.until(() -> sfn.describeExecution(b -> b.executionArn(executionArn)),
                d -> d.status() != ExecutionStatus.RUNNING);
    }

    private List<HistoryEvent> lastEvents(String executionArn, int n) {
        return sfn.getExecutionHistory(b -> b.executionArn(executionArn).reverseOrder(true).maxResults(n)).events();
    }

    @Test
    void passChoiceLoopWithoutWaitFailsWhenItsHistoryReaches25000Events() {
        String loop = stateMachine("Spin", ENDLESS_LOOP);
        String pass = stateMachine("Hello", PASS);
        String spinning = start(loop, "{\"spin\": true}");
        String other = start(pass, "{}");

        DescribeExecutionResponse failed = finished(spinning);
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.error()).isEqualTo("States.Runtime");
        assertThat(failed.cause()).isEqualTo(HISTORY_CAUSE);
        // AWS's shape (measured): event 25,000 is ExecutionFailed, after the last event the loop wrote
        List<HistoryEvent> last = lastEvents(spinning, 2);
        assertThat(last.get(0).type()).isEqualTo(HistoryEventType.EXECUTION_FAILED);
        assertThat(last.get(0).id()).isEqualTo(25_000L);
        assertThat(last.get(0).previousEventId()).isEqualTo(24_999L);
        assertThat(last.get(0).executionFailedEventDetails().error()).isEqualTo("States.Runtime");
        assertThat(last.get(0).executionFailedEventDetails().cause()).isEqualTo(HISTORY_CAUSE);
        assertThat(last.get(1).id()).isEqualTo(24_999L);
        assertThat(last.get(1).type()).isEqualTo(HistoryEventType.CHOICE_STATE_EXITED);

        // the server went on serving: the other execution ran, and a new one runs now
        assertThat(finished(other).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(finished(start(pass, "{}")).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void inlineMapOverTooManyItemsFailsAtTheHistoryLimit() {
        String map = stateMachine("Each", """
                {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemProcessor": {"StartAt": "Item",
                  "States": {"Item": {"Type": "Pass", "End": true}}}, "End": true}}}""");
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < 10_000; i++) {
            items.append(i == 0 ? "" : ",").append(i);
        }
        String execution = start(map, items.append(']').toString());

        DescribeExecutionResponse failed = finished(execution);
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.error()).isEqualTo("States.Runtime");
        assertThat(failed.cause()).isEqualTo(HISTORY_CAUSE);
        HistoryEvent last = lastEvents(execution, 1).get(0);
        assertThat(last.type()).isEqualTo(HistoryEventType.EXECUTION_FAILED);
        assertThat(last.id()).isEqualTo(25_000L);
        assertThat(finished(start(stateMachine("Hello", PASS), "{}")).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void stopExecutionAnswersAtOnceWhileTheWorkerIsBusyInATightLoop() throws InterruptedException {
        String busy = stateMachine("Busy", BUSY_LOOP);
        String execution = start(busy, "{}");
        // well inside the loop: the worker is running the loop's task
        Awaits.until(() -> lastEvents(execution, 1).get(0).id(), id -> id > 10);

        // before the fix the stop waited for the execution's lock, which the busy worker held for
        // up to 1,000 states of the loop (minutes here)
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> sfn.stopExecution(b -> b.executionArn(execution).error("Ops.Stop").cause("enough")));

        DescribeExecutionResponse stopped = sfn.describeExecution(b -> b.executionArn(execution));
        assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(stopped.error()).isEqualTo("Ops.Stop");
        assertThat(stopped.cause()).isEqualTo("enough");
        HistoryEvent aborted = lastEvents(execution, 1).get(0);
        assertThat(aborted.type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
        assertThat(aborted.executionAbortedEventDetails().error()).isEqualTo("Ops.Stop");

        // the worker's later states are not recorded: ExecutionAborted stays the last event
        Thread.sleep(500);
        HistoryEvent stillLast = lastEvents(execution, 1).get(0);
        assertThat(stillLast.id()).isEqualTo(aborted.id());
        assertThat(stillLast.type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(execution).maxResults(1000)).events())
                .extracting(HistoryEvent::id).doesNotHaveDuplicates().last().isEqualTo(aborted.id());

        // and the worker comes back: new executions run
        assertThat(finished(start(stateMachine("Hello", PASS), "{}")).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
}
