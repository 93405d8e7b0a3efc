package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.Definitions.PASS;
import static io.jenkins.plugins.stepfunctions.engine.server.Definitions.ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** Executions through the SDK: start (names, idempotency, limits), describe, list, history, stop, redrive. */
class ExecutionApiTest {
    /** Wait states run 1000 times faster: a 60 s Wait takes 60 ms. */
    private final TestEngine running = TestEngine.options().timeScale(0.001).serve();
    private final SfnClient sfn = running.sfn();

    @AfterEach
    void stop() {
        running.close();
    }

    private String stateMachine(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    private DescribeExecutionResponse finished(String executionArn) {
        return Awaits.until(() -> sfn.describeExecution(b -> b.executionArn(executionArn)),
                d -> d.status() != ExecutionStatus.RUNNING);
    }

    @Test
    void executionRunsToSuccessAndIsDescribedLikeAws() {
        String sm = stateMachine("Deploy", PASS);
        StartExecutionResponse started = sfn.startExecution(b -> b.stateMachineArn(sm).name("build-42")
                .input("{\"version\": \"1.2.3\"}"));
        assertThat(started.executionArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:Deploy:build-42");
        DescribeExecutionResponse done = finished(started.executionArn());
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.name()).isEqualTo("build-42");
        assertThat(done.stateMachineArn()).isEqualTo(sm);
        assertThat(done.input()).isEqualTo("{\"version\": \"1.2.3\"}");
        assertThat(done.output()).isEqualTo("{\"version\":\"1.2.3\",\"result\":{\"greeting\":\"hello\"}}");
        assertThat(done.startDate()).isBeforeOrEqualTo(done.stopDate());
        assertThat(done.redriveStatusAsString()).isEqualTo("NOT_REDRIVABLE");
    }

    @Test
    void executionWithoutNameGetsAUniqueOne() {
        String sm = stateMachine("Deploy", PASS);
        String first = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        String second = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        assertThat(first).isNotEqualTo(second);
        assertThat(finished(first).input()).isEqualTo("{}");
    }

    @Test
    void startingARunningExecutionAgainWithTheSameInputReturnsIt() {
        String sm = stateMachine("Slow", Definitions.waitFor(600));
        StartExecutionResponse first = sfn.startExecution(b -> b.stateMachineArn(sm).name("build-7").input("{\"a\": 1}"));
        StartExecutionResponse again = sfn.startExecution(b -> b.stateMachineArn(sm).name("build-7").input("{ \"a\" : 1 }"));
        assertThat(again.executionArn()).isEqualTo(first.executionArn());
        assertThat(again.startDate()).isEqualTo(first.startDate());
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm)).executions()).hasSize(1);
    }

    @Test
    void sameNameWithDifferentInputIsExecutionAlreadyExists() {
        String sm = stateMachine("Slow", Definitions.waitFor(600));
        sfn.startExecution(b -> b.stateMachineArn(sm).name("build-7").input("{\"a\": 1}"));
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).name("build-7").input("{\"a\": 2}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class)
                .hasMessageContaining("different input");
    }

    @Test
    void nameOfAFinishedExecutionCannotBeReused() {
        String sm = stateMachine("Deploy", PASS);
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm).name("build-1")).executionArn();
        finished(arn);
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).name("build-1")))
                .isInstanceOf(ExecutionAlreadyExistsException.class)
                .hasMessageContaining("SUCCEEDED");
    }

    @Test
    void executionNamesFollowAwsRules() {
        String sm = stateMachine("Deploy", PASS);
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).name("build/42")))
                .isInstanceOf(InvalidNameException.class).hasMessageContaining("'/'");
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).name("x".repeat(81))))
                .isInstanceOf(InvalidNameException.class).hasMessageContaining("80");
        assertThat(sfn.startExecution(b -> b.stateMachineArn(sm).name("job_main-42.attempt-1")).executionArn())
                .endsWith(":job_main-42.attempt-1");
    }

    @Test
    void inputThatIsNotJsonIsInvalidExecutionInput() {
        String sm = stateMachine("Deploy", PASS);
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).input("{version: 1}")))
                .isInstanceOf(InvalidExecutionInputException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void inputOver256KiBIsRefused() {
        String sm = stateMachine("Deploy", PASS);
        String tooManyCharacters = "\"" + "x".repeat(262_144) + "\"";
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).input(tooManyCharacters)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("262144");
        String tooManyBytes = "\"" + "é".repeat(140_000) + "\"";
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).input(tooManyBytes)))
                .isInstanceOf(InvalidExecutionInputException.class)
                .hasMessageContaining("256 KiB");
    }

    @Test
    void listingFiltersByStatusAndPagesNewestFirst() {
        String sm = stateMachine("Deploy", PASS);
        String slow = stateMachine("Slow", Definitions.waitFor(600));
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "run-" + i;
            started.add(sfn.startExecution(b -> b.stateMachineArn(sm).name(name)).executionArn());
        }
        started.forEach(this::finished);
        String running = sfn.startExecution(b -> b.stateMachineArn(slow).name("waiting")).executionArn();

        List<String> listed = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListExecutionsResponse page = sfn.listExecutions(b -> b.stateMachineArn(sm).maxResults(2).nextToken(next));
            page.executions().stream().map(ExecutionListItem::executionArn).forEach(listed::add);
            token = page.nextToken();
        } while (token != null);
        Collections.reverse(started);
        assertThat(listed).containsExactlyElementsOf(started);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.RUNNING)).executions()).isEmpty();
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(slow).statusFilter(ExecutionStatus.RUNNING)).executions())
                .extracting(ExecutionListItem::executionArn).containsExactly(running);
    }

    @Test
    void historyPagesForwardAndBackwardWithoutLosingOrRepeatingEvents() {
        String sm = stateMachine("Chain", Definitions.passChain(20));
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        finished(arn);
        List<HistoryEvent> forward = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetExecutionHistoryResponse page = sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(7).nextToken(next));
            assertThat(page.events().size()).isLessThanOrEqualTo(7);
            forward.addAll(page.events());
            token = page.nextToken();
        } while (token != null);
        assertThat(forward).hasSize(42);
        assertThat(forward).extracting(HistoryEvent::id).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 42).boxed().toList());
        assertThat(forward.get(0).type()).isEqualTo(HistoryEventType.EXECUTION_STARTED);
        assertThat(forward.get(0).previousEventId()).isZero();
        assertThat(forward.get(41).type()).isEqualTo(HistoryEventType.EXECUTION_SUCCEEDED);

        List<HistoryEvent> backward = new ArrayList<>(sfn.getExecutionHistoryPaginator(b -> b.executionArn(arn)
                .maxResults(5).reverseOrder(true)).events().stream().toList());
        List<Long> newestFirst = new ArrayList<>(forward.stream().map(HistoryEvent::id).toList());
        Collections.reverse(newestFirst);
        assertThat(backward).extracting(HistoryEvent::id).containsExactlyElementsOf(newestFirst);
        assertThat(new HashSet<>(backward)).hasSize(42);
    }

    @Test
    void historyWithoutExecutionDataLeavesOutInputAndOutput() {
        String sm = stateMachine("Deploy", PASS);
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"secret\": 1}")).executionArn();
        finished(arn);
        HistoryEvent startedWith = sfn.getExecutionHistory(b -> b.executionArn(arn)).events().get(0);
        assertThat(startedWith.executionStartedEventDetails().input()).contains("secret");
        HistoryEvent startedWithout = sfn.getExecutionHistory(b -> b.executionArn(arn).includeExecutionData(false))
                .events().get(0);
        assertThat(startedWithout.executionStartedEventDetails().input()).isNull();
        assertThat(startedWithout.executionStartedEventDetails().roleArn()).isEqualTo(ROLE);
    }

    @Test
    void historyRefusesAPageSizeOver1000AndForeignTokens() {
        String sm = stateMachine("Deploy", PASS);
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        assertThatThrownBy(() -> sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(1001)))
                .isInstanceOf(ValidationException.class);
        String other = stateMachine("Chain", Definitions.passChain(5));
        String otherArn = sfn.startExecution(b -> b.stateMachineArn(other)).executionArn();
        finished(otherArn);
        String foreign = sfn.getExecutionHistory(b -> b.executionArn(otherArn).maxResults(1)).nextToken();
        assertThatThrownBy(() -> sfn.getExecutionHistory(b -> b.executionArn(arn).nextToken(foreign)))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void stoppedExecutionIsAbortedWithTheGivenErrorAndCause() {
        String sm = stateMachine("Slow", Definitions.waitFor(600));
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        assertThat(sfn.stopExecution(b -> b.executionArn(arn).error("Build.Aborted").cause("user pressed stop")).stopDate())
                .isNotNull();
        DescribeExecutionResponse done = finished(arn);
        assertThat(done.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(done.error()).isEqualTo("Build.Aborted");
        assertThat(done.cause()).isEqualTo("user pressed stop");
        assertThat(done.redriveStatusAsString()).isEqualTo("REDRIVABLE");
    }

    @Test
    void failedExecutionReportsErrorAndCause() {
        String sm = stateMachine("Broken", Definitions.FAIL);
        DescribeExecutionResponse done = finished(sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn());
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Deploy.Failed");
        assertThat(done.cause()).isEqualTo("health check");
        assertThat(done.output()).isNull();
    }

    @Test
    void succeededExecutionIsNotRedrivable() {
        String sm = stateMachine("Deploy", PASS);
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        finished(arn);
        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(arn)))
                .isInstanceOf(ExecutionNotRedrivableException.class);
    }

    @Test
    void abortedExecutionIsRedrivenFromTheStateThatWasRunning() {
        String sm = stateMachine("Slow", Definitions.waitFor(300));
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        sfn.stopExecution(b -> b.executionArn(arn));
        assertThat(finished(arn).status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(sfn.redriveExecution(b -> b.executionArn(arn)).redriveDate()).isNotNull();
        DescribeExecutionResponse redriven = Awaits.until(() -> sfn.describeExecution(b -> b.executionArn(arn)),
                d -> d.status() == ExecutionStatus.SUCCEEDED);
        assertThat(redriven.redriveCount()).isEqualTo(1);
    }

    @Test
    void executionKeepsTheDefinitionItStartedWith() {
        String sm = stateMachine("Slow", Definitions.waitFor(600));
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(PASS));
        assertThat(sfn.describeStateMachineForExecution(b -> b.executionArn(arn)).definition())
                .isEqualTo(Definitions.waitFor(600));
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(sm)).definition()).isEqualTo(PASS);
    }

    @Test
    void executionStartedThroughAVersionRecordsIt() {
        String sm = sfn.createStateMachine(b -> b.name("Deploy").definition(PASS).roleArn(ROLE).publish(true))
                .stateMachineArn();
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm + ":1")).executionArn();
        assertThat(arn).startsWith("arn:aws:states:us-east-1:123456789012:execution:Deploy:");
        assertThat(finished(arn).stateMachineVersionArn()).isEqualTo(sm + ":1");
    }

    @Test
    void expressStateMachineRunsSynchronously() {
        String sm = sfn.createStateMachine(b -> b.name("Quick").definition(PASS).roleArn(ROLE).type("EXPRESS"))
                .stateMachineArn();
        StartSyncExecutionResponse result = sfn.startSyncExecution(b -> b.stateMachineArn(sm).input("{\"n\": 1}"));
        assertThat(result.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
        assertThat(result.output()).isEqualTo("{\"n\":1,\"result\":{\"greeting\":\"hello\"}}");
        assertThat(result.executionArn()).startsWith("arn:aws:states:us-east-1:123456789012:express:Quick:");
        assertThat(result.billingDetails().billedDurationInMilliseconds()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void standardStateMachineRefusesSyncExecution() {
        String sm = stateMachine("Deploy", PASS);
        assertThatThrownBy(() -> sfn.startSyncExecution(b -> b.stateMachineArn(sm)))
                .isInstanceOf(StateMachineTypeNotSupportedException.class)
                .hasMessageContaining("StartExecution");
    }

    @Test
    void lostResponseHidesAStartThatHappenedSoOnlyAnIdempotentRetryIsSafe() {
        String sm = sfn.createStateMachine(b -> b.name("Slow").roleArn(Definitions.ROLE)
                .definition(Definitions.waitFor(600))).stateMachineArn();
        running.server().faults().set("lose=1,ops=StartExecution");
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).name("build-9").input("{}")))
                .isInstanceOf(SdkClientException.class);
        running.server().faults().off();
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm)).executions()).hasSize(1);
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm).name("build-9").input("{}")).executionArn();
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm)).executions())
                .extracting(e -> e.executionArn()).containsExactly(arn);
        assertThat(running.server().faults().counts().lostResponses()).isEqualTo(1);
    }

    @Test
    void oneFailingExecutionDoesNotDisturbOthers() {
        String good = stateMachine("Deploy", PASS);
        String bad = stateMachine("Broken", Definitions.FAIL);
        List<String> goodRuns = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sfn.startExecution(b -> b.stateMachineArn(bad));
            goodRuns.add(sfn.startExecution(b -> b.stateMachineArn(good)).executionArn());
        }
        assertThat(goodRuns).allSatisfy(arn -> assertThat(finished(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED));
    }
}
