package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.Definitions.ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ActivityListItem;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;

/** Tasks that wait for the outside world: task tokens and activities, answered through the SDK. */
class CallbackApiTest {
    private final TestEngine running = TestEngine.options().timeScale(0.001).serve();
    private final SfnClient sfn = running.sfn();
    private final ObjectMapper mapper = new ObjectMapper();

    @AfterEach
    void stop() {
        running.close();
    }

    private String startCallback() {
        String sm = sfn.createStateMachine(b -> b.name("Approval").definition(Definitions.CALLBACK).roleArn(ROLE))
                .stateMachineArn();
        return sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
    }

    /** The token as an approval finder reads it: from the resolved parameters of TaskScheduled. */
    private String tokenOf(String executionArn) throws Exception {
        return tokenOf(executionArn, 1);
    }

    /** The token of the {@code nth} TaskScheduled event (a redrive schedules the task again). */
    private String tokenOf(String executionArn, int nth) throws Exception {
        List<HistoryEvent> scheduledEvents = Awaits.until(
                () -> sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events().stream()
                        .filter(e -> e.type() == HistoryEventType.TASK_SCHEDULED).toList(),
                events -> events.size() >= nth);
        HistoryEvent scheduled = scheduledEvents.get(nth - 1);
        return mapper.readTree(scheduled.taskScheduledEventDetails().parameters())
                .at("/MessageBody/token").asText();
    }

    private DescribeExecutionResponse finished(String executionArn) {
        return Awaits.until(() -> sfn.describeExecution(b -> b.executionArn(executionArn)),
                d -> d.status() != ExecutionStatus.RUNNING);
    }

    @Test
    void taskSuccessCompletesTheCallbackTaskWithItsOutput() throws Exception {
        String arn = startCallback();
        String token = tokenOf(arn);
        sfn.sendTaskHeartbeat(b -> b.taskToken(token));
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\": true}"));
        DescribeExecutionResponse done = finished(arn);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"approved\":true}");
    }

    @Test
    void taskFailureFailsTheExecutionWithTheGivenError() throws Exception {
        String arn = startCallback();
        String token = tokenOf(arn);
        sfn.sendTaskFailure(b -> b.taskToken(token).error("Approval.Rejected").cause("not today"));
        DescribeExecutionResponse done = finished(arn);
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Approval.Rejected");
        assertThat(done.cause()).isEqualTo("not today");
    }

    @Test
    void failedExecutionIsRedrivenFromTheFailedTaskAndCounted() throws Exception {
        String arn = startCallback();
        String first = tokenOf(arn);
        sfn.sendTaskFailure(b -> b.taskToken(first).error("Deploy.Flaky"));
        DescribeExecutionResponse failed = finished(arn);
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.redriveStatusAsString()).isEqualTo("REDRIVABLE");

        assertThat(sfn.redriveExecution(b -> b.executionArn(arn)).redriveDate()).isNotNull();
        String second = tokenOf(arn, 2);
        sfn.sendTaskSuccess(b -> b.taskToken(second).output("{\"approved\": true}"));
        DescribeExecutionResponse redriven = Awaits.until(() -> sfn.describeExecution(b -> b.executionArn(arn)),
                d -> d.status() == ExecutionStatus.SUCCEEDED);
        assertThat(redriven.redriveCount()).isEqualTo(1);
        assertThat(redriven.redriveDate()).isNotNull();
        String sm = redriven.stateMachineArn();
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm).redriveFilter("REDRIVEN")).executions()).hasSize(1);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm).redriveFilter("NOT_REDRIVEN")).executions()).isEmpty();
    }

    @Test
    void answeringTwiceFindsTheTaskGone() throws Exception {
        String arn = startCallback();
        String token = tokenOf(arn);
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}"));
        finished(arn);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
                .isInstanceOfAny(TaskDoesNotExistException.class, InvalidTokenException.class);
    }

    @Test
    void madeUpTokenIsInvalidToken() {
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken("not-a-token").output("{}")))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> sfn.sendTaskHeartbeat(b -> b.taskToken("not-a-token")))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void outputThatIsNotJsonIsInvalidOutputAndTheTaskStaysOpen() throws Exception {
        String arn = startCallback();
        String token = tokenOf(arn);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("approved")))
                .isInstanceOf(InvalidOutputException.class);
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("\"approved\""));
        assertThat(finished(arn).output()).isEqualTo("\"approved\"");
    }

    @Test
    void activitiesAreCreatedIdempotentlyListedAndDeleted() {
        String arn = sfn.createActivity(b -> b.name("Approve")).activityArn();
        assertThat(arn).isEqualTo("arn:aws:states:us-east-1:123456789012:activity:Approve");
        assertThat(sfn.createActivity(b -> b.name("Approve")).activityArn()).isEqualTo(arn);
        sfn.createActivity(b -> b.name("Build"));
        sfn.createActivity(b -> b.name("Canary"));
        assertThat(sfn.describeActivity(b -> b.activityArn(arn)).name()).isEqualTo("Approve");
        assertThat(sfn.listActivitiesPaginator(b -> b.maxResults(2)).activities())
                .extracting(ActivityListItem::name).containsExactly("Approve", "Build", "Canary");
        sfn.deleteActivity(b -> b.activityArn(arn));
        assertThatThrownBy(() -> sfn.describeActivity(b -> b.activityArn(arn)))
                .isInstanceOf(ActivityDoesNotExistException.class);
    }

    @Test
    void longPollingWorkerReceivesTheTaskAsSoonAsItIsScheduled() throws Exception {
        String activity = sfn.createActivity(b -> b.name("Deploy")).activityArn();
        String sm = sfn.createStateMachine(b -> b.name("Worker").definition(Definitions.activityTask(activity)).roleArn(ROLE))
                .stateMachineArn();
        CompletableFuture<GetActivityTaskResponse> poll = CompletableFuture.supplyAsync(
                () -> sfn.getActivityTask(b -> b.activityArn(activity).workerName("worker-1")));
        Thread.sleep(200);
        assertThat(poll).isNotDone();
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"service\": \"web\"}")).executionArn();

        GetActivityTaskResponse task = poll.get(10, TimeUnit.SECONDS);
        assertThat(task.input()).isEqualTo("{\"service\":\"web\"}");
        sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"deployed\": true}"));
        assertThat(finished(arn).output()).isEqualTo("{\"deployed\":true}");
        List<HistoryEventType> types = sfn.getExecutionHistory(b -> b.executionArn(arn)).events().stream()
                .map(HistoryEvent::type).toList();
        assertThat(types).contains(HistoryEventType.ACTIVITY_SCHEDULED, HistoryEventType.ACTIVITY_STARTED,
                HistoryEventType.ACTIVITY_SUCCEEDED);
    }

    @Test
    void workersOfDifferentActivitiesDoNotSteal() throws Exception {
        String deploy = sfn.createActivity(b -> b.name("Deploy")).activityArn();
        String other = sfn.createActivity(b -> b.name("Other")).activityArn();
        String sm = sfn.createStateMachine(b -> b.name("Worker").definition(Definitions.activityTask(deploy)).roleArn(ROLE))
                .stateMachineArn();
        CompletableFuture<GetActivityTaskResponse> otherPoll = CompletableFuture.supplyAsync(
                () -> sfn.getActivityTask(b -> b.activityArn(other)));
        sfn.startExecution(b -> b.stateMachineArn(sm));
        GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(deploy));
        assertThat(task.taskToken()).isNotBlank();
        assertThat(otherPoll).isNotDone();
        sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{}"));
    }
}
