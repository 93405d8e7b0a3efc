package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.Definitions.ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/**
 * RedriveExecution as AWS does it, through the SDK: a Map reruns only its failed and unfinished
 * iterations, a Parallel only its failed branches; the abort events; the redrive fields and refusals.
 * The failures are transient by design: a Choice fails while {@code $$.Execution.RedriveCount} is 0.
 */
class RedriveApiTest {
    /** A clock the test can move forward (the 14-day redrivable period). */
    private static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    private final MovableClock clock = new MovableClock();
    /** Wait states run 1000 times faster; the long Waits here (10^6 s) still outlast every test. */
    private final TestEngine running = TestEngine.options().clock(clock).timeScale(0.001).serve();
    private final SfnClient sfn = running.sfn();

    /** Fails the first time it runs (no choice matches while the redrive count is 0), passes after a redrive. */
    private static final String FLAKY_UNTIL_REDRIVEN = """
            "Check": {"Type": "Choice", "Choices": [
                {"Variable": "$$.Execution.RedriveCount", "NumericGreaterThan": 0, "Next": "Done"},
                {"Variable": "$.v", "StringEquals": "good", "Next": "Done"}]},
            "Done": {"Type": "Pass", "Parameters": {"v.$": "$.v", "ranAt.$": "$$.Execution.RedriveCount"}, "End": true}
            """;

    @AfterEach
    void stop() {
        running.close();
    }

    private String stateMachine(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    private DescribeExecutionResponse finished(String arn) {
        return Awaits.until(() -> sfn.describeExecution(b -> b.executionArn(arn)),
                d -> d.status() != ExecutionStatus.RUNNING);
    }

    private List<HistoryEvent> history(String arn) {
        return sfn.getExecutionHistoryPaginator(b -> b.executionArn(arn)).events().stream().toList();
    }

    private static List<HistoryEvent> afterRedrive(List<HistoryEvent> events) {
        int at = events.stream().map(HistoryEvent::type).toList().indexOf(HistoryEventType.EXECUTION_REDRIVEN);
        return events.subList(at, events.size());
    }

    private static List<String> types(List<HistoryEvent> events) {
        return events.stream().map(HistoryEvent::typeAsString).toList();
    }

    private String map(String mode, String maxConcurrency) {
        return """
                {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": %s,
                 "ItemSelector": {"v.$": "$$.Map.Item.Value"},
                 "ItemProcessor": {"ProcessorConfig": {"Mode": "%s"%s}, "StartAt": "Check", "States": {%s}},
                 "End": true}}}""".formatted(maxConcurrency, mode,
                mode.equals("DISTRIBUTED") ? ", \"ExecutionType\": \"STANDARD\"" : "", FLAKY_UNTIL_REDRIVEN);
    }

    @Test
    void redrivenInlineMapRerunsOnlyItsFailedAndUnstartedIterations() {
        String sm = stateMachine("Items", map("INLINE", "1"));
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm)
                .input("{\"items\": [\"good\", \"bad\", \"good\"]}")).executionArn();
        assertThat(finished(arn).status()).isEqualTo(ExecutionStatus.FAILED);

        sfn.redriveExecution(b -> b.executionArn(arn));
        DescribeExecutionResponse done = finished(arn);

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        // iteration 0 kept the output of its first run; 1 (failed) and 2 (never started) ran after the redrive
        assertThat(done.output()).isEqualTo("[{\"v\":\"good\",\"ranAt\":0},{\"v\":\"bad\",\"ranAt\":1},"
                + "{\"v\":\"good\",\"ranAt\":1}]");
        List<HistoryEvent> redriven = afterRedrive(history(arn));
        assertThat(redriven.stream().filter(e -> e.type() == HistoryEventType.MAP_ITERATION_STARTED)
                .map(e -> e.mapIterationStartedEventDetails().index())).containsExactly(1, 2);
        assertThat(redriven.get(0).executionRedrivenEventDetails().redriveCount()).isEqualTo(1);
        assertThat(done.redriveCount()).isEqualTo(1);
        assertThat(done.redriveDate()).isNotNull();
    }

    @Test
    void redrivenDistributedMapRedrivesItsMapRunAndKeepsTheSucceededIterations() {
        String sm = stateMachine("Distributed", map("DISTRIBUTED", "0"));
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm)
                .input("{\"items\": [\"good\", \"bad\", \"good\"]}")).executionArn();
        assertThat(finished(arn).status()).isEqualTo(ExecutionStatus.FAILED);
        String mapRunArn = history(arn).stream().filter(e -> e.type() == HistoryEventType.MAP_RUN_STARTED)
                .findFirst().orElseThrow().mapRunStartedEventDetails().mapRunArn();

        sfn.redriveExecution(b -> b.executionArn(arn));
        DescribeExecutionResponse done = finished(arn);

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        // the iterations start in index order and the failure stops the launching: item 2 never started
        assertThat(done.output()).isEqualTo("[{\"v\":\"good\",\"ranAt\":0},{\"v\":\"bad\",\"ranAt\":1},"
                + "{\"v\":\"good\",\"ranAt\":1}]");
        HistoryEvent redrivenRun = afterRedrive(history(arn)).stream()
                .filter(e -> e.typeAsString().equals("MapRunRedriven")).findFirst().orElseThrow();
        assertThat(redrivenRun.mapRunRedrivenEventDetails().mapRunArn()).isEqualTo(mapRunArn);
        assertThat(redrivenRun.mapRunRedrivenEventDetails().redriveCount()).isEqualTo(1);
    }

    @Test
    void redrivenParallelRerunsOnlyItsFailedBranch() {
        String sm = stateMachine("Branches", """
                {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "Fine", "States": {"Fine": {"Type": "Pass",
                     "Parameters": {"ranAt.$": "$$.Execution.RedriveCount"}, "End": true}}},
                  {"StartAt": "Check", "States": {%s}}]}}}""".formatted(FLAKY_UNTIL_REDRIVEN));
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"v\": \"bad\"}")).executionArn();
        assertThat(finished(arn).status()).isEqualTo(ExecutionStatus.FAILED);

        sfn.redriveExecution(b -> b.executionArn(arn));
        DescribeExecutionResponse done = finished(arn);

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("[{\"ranAt\":0},{\"v\":\"bad\",\"ranAt\":1}]");
        List<HistoryEvent> redriven = afterRedrive(history(arn));
        assertThat(redriven).noneMatch(e -> e.stateEnteredEventDetails() != null
                && e.stateEnteredEventDetails().name().equals("Fine"));
        assertThat(types(redriven)).startsWith("ExecutionRedriven", "ParallelStateEntered", "ParallelStateStarted", "ChoiceStateEntered");
    }

    @Test
    void failedBranchAbortsTheStateItsSiblingIsIn() {
        String sm = stateMachine("Race", """
                {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "Long", "States": {"Long": {"Type": "Wait", "Seconds": 1000000, "End": true}}},
                  {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "E"}}}]}}}""");
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        assertThat(finished(arn).status()).isEqualTo(ExecutionStatus.FAILED);

        List<HistoryEvent> events = history(arn);
        assertThat(types(events)).containsExactly("ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted",
                "WaitStateEntered", "FailStateEntered", "WaitStateAborted", "ParallelStateFailed", "ExecutionFailed");
        // the abort follows the failure, as AWS writes it
        assertThat(events.get(5).previousEventId()).isEqualTo(events.get(4).id());
    }

    @Test
    void failedIterationAbortsTheIterationsStillRunning() {
        String sm = stateMachine("Fanout", """
                {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemProcessor": {
                   "ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Which", "States": {
                     "Which": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "Boom"}],
                               "Default": "Long"},
                     "Long": {"Type": "Wait", "Seconds": 1000000, "End": true},
                     "Boom": {"Type": "Fail", "Error": "E"}}}, "End": true}}}""");
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm).input("[1, 1, 2]")).executionArn();
        assertThat(finished(arn).status()).isEqualTo(ExecutionStatus.FAILED);

        List<String> tail = types(history(arn)).stream()
                .dropWhile(t -> !t.equals("MapIterationFailed")).toList();
        assertThat(tail).containsExactly("MapIterationFailed", "WaitStateAborted", "MapIterationAborted",
                "WaitStateAborted", "MapIterationAborted", "MapStateFailed", "ExecutionFailed");
        assertThat(history(arn).stream().filter(e -> e.type() == HistoryEventType.MAP_ITERATION_ABORTED)
                .map(e -> e.mapIterationAbortedEventDetails().index())).containsExactly(0, 1);
    }

    @Test
    void stoppedExecutionAbortsItsMapIterationsAndRedriveRerunsThem() {
        String sm = stateMachine("Waiting", """
                {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemProcessor": {
                   "ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Hold", "States": {
                     "Hold": {"Type": "Wait", "SecondsPath": "$", "End": true}}}, "End": true}}}""");
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm).input("[1000000, 1000000]")).executionArn();
        Awaits.until(() -> types(history(arn)), t -> t.stream().filter("WaitStateEntered"::equals).count() == 2);

        sfn.stopExecution(b -> b.executionArn(arn));

        assertThat(finished(arn).status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(types(history(arn)).stream().dropWhile(t -> !t.endsWith("Aborted")).toList())
                .containsExactly("MapIterationAborted", "MapIterationAborted", "MapStateAborted", "ExecutionAborted");

        sfn.redriveExecution(b -> b.executionArn(arn));
        Awaits.until(() -> types(afterRedrive(history(arn))),
                t -> t.stream().filter("WaitStateEntered"::equals).count() == 2);
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).status()).isEqualTo(ExecutionStatus.RUNNING);
        sfn.stopExecution(b -> b.executionArn(arn));
    }

    @Test
    void redriveIsRecordedInDescribeListAndTheRedriveFilter() {
        String sm = stateMachine("Flaky", "{\"StartAt\": \"Check\", \"States\": {" + FLAKY_UNTIL_REDRIVEN + "}}");
        String redrivenArn = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"v\": \"bad\"}")).executionArn();
        String plainArn = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"v\": \"good\"}")).executionArn();
        DescribeExecutionResponse failed = finished(redrivenArn);
        assertThat(failed.redriveStatusAsString()).isEqualTo("REDRIVABLE");
        assertThat(failed.redriveCount()).isZero();
        finished(plainArn);

        Instant redriveDate = sfn.redriveExecution(b -> b.executionArn(redrivenArn)).redriveDate();
        DescribeExecutionResponse done = finished(redrivenArn);

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.redriveCount()).isEqualTo(1);
        assertThat(done.redriveDate()).isEqualTo(redriveDate);
        assertThat(done.redriveStatusAsString()).isEqualTo("NOT_REDRIVABLE");
        assertThat(done.redriveStatusReason()).isEqualTo("Execution is SUCCEEDED and cannot be redriven");
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm).redriveFilter("REDRIVEN")).executions())
                .extracting(ExecutionListItem::executionArn).containsExactly(redrivenArn);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm).redriveFilter("NOT_REDRIVEN")).executions())
                .extracting(ExecutionListItem::executionArn).containsExactly(plainArn);
        ExecutionListItem listed = sfn.listExecutions(b -> b.stateMachineArn(sm).redriveFilter("REDRIVEN"))
                .executions().get(0);
        assertThat(listed.redriveCount()).isEqualTo(1);
        assertThat(listed.redriveDate()).isEqualTo(redriveDate);
    }

    @Test
    void succeededExecutionIsRefusedWithAwsReason() {
        String sm = stateMachine("Fine", Definitions.PASS);
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        finished(arn);
        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(arn)))
                .isInstanceOf(ExecutionNotRedrivableException.class)
                .hasMessageContaining("Execution is SUCCEEDED and cannot be redriven");
    }

    @Test
    void executionThatStoppedMoreThanFourteenDaysAgoIsNotRedrivable() {
        String sm = stateMachine("Old", Definitions.FAIL);
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        assertThat(finished(arn).redriveStatusAsString()).isEqualTo("REDRIVABLE");

        clock.offset = Duration.ofDays(14).plusMinutes(1);

        DescribeExecutionResponse old = sfn.describeExecution(b -> b.executionArn(arn));
        assertThat(old.redriveStatusAsString()).isEqualTo("NOT_REDRIVABLE");
        assertThat(old.redriveStatusReason()).isEqualTo("Execution redrivable period exceeded");
        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(arn)))
                .isInstanceOf(ExecutionNotRedrivableException.class)
                .hasMessageContaining("Execution redrivable period exceeded");
    }

    @Test
    void expressExecutionIsNotRedrivable() {
        String sm = sfn.createStateMachine(b -> b.name("Quick").definition(Definitions.FAIL).roleArn(ROLE)
                .type(StateMachineType.EXPRESS)).stateMachineArn();
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(arn)))
                .isInstanceOf(ExecutionNotRedrivableException.class);
    }

    @Test
    void redriveRunsTheDefinitionTheExecutionStartedWith() {
        String sm = stateMachine("Changing", "{\"StartAt\": \"Check\", \"States\": {" + FLAKY_UNTIL_REDRIVEN + "}}");
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"v\": \"bad\"}")).executionArn();
        finished(arn);
        sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(Definitions.FAIL));

        sfn.redriveExecution(b -> b.executionArn(arn));

        assertThat(finished(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
}
