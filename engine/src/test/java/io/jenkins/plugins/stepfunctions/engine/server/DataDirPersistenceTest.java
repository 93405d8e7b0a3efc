package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.Definitions.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * {@code sfn local --data-dir}: an engine server on a data directory, stopped (in order, or left
 * running as a crashed process would be) and started again on the same directory, seen through the SDK.
 */
class DataDirPersistenceTest {
    @TempDir
    Path dir;
    private final List<AutoCloseable> started = new ArrayList<>();

    private TestEngine start() {
        TestEngine s = TestEngine.options().timeScale(0.001).dataDir(dir).serve();
        started.add(s);
        return s;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : started) {
            c.close();
        }
    }

    private static DescribeExecutionResponse finished(SfnClient sfn, String arn) {
        return Awaits.until(() -> sfn.describeExecution(b -> b.executionArn(arn)),
                d -> d.status() != ExecutionStatus.RUNNING);
    }

    private static List<String> types(SfnClient sfn, String arn) {
        return sfn.getExecutionHistoryPaginator(b -> b.executionArn(arn)).events().stream()
                .map(HistoryEvent::typeAsString).toList();
    }

    /** The server writes an execution down when it goes idle or ends: the test restarts once it has ({@code field}: a name or value in state.json). */
    private void awaitWrittenDown(String arn, String field) {
        Path state = dir.resolve("executions").resolve(DataFiles.nameFor(arn)).resolve("state.json");
        Awaits.until(() -> {
            try {
                return Files.exists(state) && Files.readString(state).contains("\"" + field + "\"");
            } catch (IOException e) {
                return false;
            }
        }, written -> written);
    }

    @Test
    void stateMachinesVersionsAliasesActivitiesAndExecutionsOutliveARestart() throws IOException {
        TestEngine first = start();
        String sm = first.sfn().createStateMachine(b -> b.name("Deploy").definition(Definitions.PASS).roleArn(ROLE)
                .publish(true)).stateMachineArn();
        String version = sm + ":1";
        first.sfn().createStateMachineAlias(b -> b.name("PROD").routingConfiguration(r -> r.stateMachineVersionArn(version)
                .weight(100)));
        String activity = first.sfn().createActivity(b -> b.name("approve")).activityArn();
        String arn = first.sfn().startExecution(b -> b.stateMachineArn(sm + ":PROD").input("{\"v\": 1}")).executionArn();
        DescribeExecutionResponse before = finished(first.sfn(), arn);
        List<String> historyBefore = types(first.sfn(), arn);
        awaitWrittenDown(arn, "SUCCEEDED");
        first.close();

        TestEngine second = start();

        assertThat(second.server().dataDirProblems()).isEmpty();
        assertThat(second.sfn().describeStateMachine(b -> b.stateMachineArn(sm)).definition()).isEqualTo(Definitions.PASS);
        assertThat(second.sfn().listStateMachineVersions(b -> b.stateMachineArn(sm)).stateMachineVersions())
                .extracting(v -> v.stateMachineVersionArn()).containsExactly(version);
        assertThat(second.sfn().describeStateMachineAlias(b -> b.stateMachineAliasArn(sm + ":PROD"))
                .routingConfiguration().get(0).stateMachineVersionArn()).isEqualTo(version);
        assertThat(second.sfn().describeActivity(b -> b.activityArn(activity)).name()).isEqualTo("approve");
        DescribeExecutionResponse after = second.sfn().describeExecution(b -> b.executionArn(arn));
        assertThat(after.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(after.output()).isEqualTo(before.output());
        assertThat(after.stateMachineAliasArn()).isEqualTo(sm + ":PROD");
        assertThat(types(second.sfn(), arn)).isEqualTo(historyBefore);
        assertThat(second.sfn().listExecutions(b -> b.stateMachineArn(sm)).executions()).hasSize(1);
        // new executions go on beside the kept ones
        String next = second.sfn().startExecution(b -> b.stateMachineArn(sm)).executionArn();
        assertThat(finished(second.sfn(), next).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(second.sfn().listExecutions(b -> b.stateMachineArn(sm)).executions().get(0).executionArn()).isEqualTo(next);
    }

    @Test
    void waitingExecutionResumesItsWaitAfterARestart() throws IOException {
        TestEngine first = start();
        // 3000 s at the tests' time scale: 3 s, so the server stops while the Wait waits
        String sm = first.sfn().createStateMachine(b -> b.name("Hold").definition("""
                {"StartAt": "Hold", "States": {"Hold": {"Type": "Wait", "Seconds": 3000, "Next": "Done"},
                 "Done": {"Type": "Pass", "End": true}}}""").roleArn(ROLE)).stateMachineArn();
        String arn = first.sfn().startExecution(b -> b.stateMachineArn(sm).input("{\"kept\": true}")).executionArn();
        awaitWrittenDown(arn, "wakeAt");
        first.close();

        TestEngine second = start();

        DescribeExecutionResponse done = finished(second.sfn(), arn);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"kept\":true}");
        assertThat(types(second.sfn(), arn)).containsExactly("ExecutionStarted", "WaitStateEntered", "WaitStateExited",
                "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
    }

    @Test
    void taskTokenIsStillAnswerableAfterTheServerDiedWithoutClosing() throws IOException {
        TestEngine first = start();
        String sm = first.sfn().createStateMachine(b -> b.name("Approve").definition(Definitions.CALLBACK).roleArn(ROLE))
                .stateMachineArn();
        String arn = first.sfn().startExecution(b -> b.stateMachineArn(sm)).executionArn();
        String token = Awaits.until(() -> first.sfn().getExecutionHistory(b -> b.executionArn(arn)).events().stream()
                        .filter(e -> e.taskScheduledEventDetails() != null).findFirst(), java.util.Optional::isPresent)
                .orElseThrow().taskScheduledEventDetails().parameters().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        awaitWrittenDown(arn, "token");
        // the first server is never closed before the second starts: a process that died

        TestEngine second = start();
        second.sfn().sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\": true}"));

        DescribeExecutionResponse done = finished(second.sfn(), arn);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"approved\":true}");
    }

    @Test
    void activityTaskIsStillPollableAfterARestart() throws IOException {
        TestEngine first = start();
        String activity = first.sfn().createActivity(b -> b.name("build")).activityArn();
        String sm = first.sfn().createStateMachine(b -> b.name("Build").definition(Definitions.activityTask(activity))
                .roleArn(ROLE)).stateMachineArn();
        String arn = first.sfn().startExecution(b -> b.stateMachineArn(sm).input("{\"job\": 7}")).executionArn();
        awaitWrittenDown(arn, "activityArn");
        first.close();

        TestEngine second = start();
        GetActivityTaskResponse task = second.sfn().getActivityTask(b -> b.activityArn(activity).workerName("w1"));
        assertThat(task.input()).isEqualTo("{\"job\":7}");
        second.sfn().sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"built\": true}"));

        assertThat(finished(second.sfn(), arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(types(second.sfn(), arn)).containsOnlyOnce("ActivityScheduled");
    }

    @Test
    void damagedFilesAreReportedAndTheRestStillLoads() throws IOException {
        TestEngine first = start();
        String kept = first.sfn().createStateMachine(b -> b.name("Kept").definition(Definitions.PASS).roleArn(ROLE))
                .stateMachineArn();
        first.sfn().createStateMachine(b -> b.name("Broken").definition(Definitions.PASS).roleArn(ROLE));
        String arn = first.sfn().startExecution(b -> b.stateMachineArn(kept)).executionArn();
        finished(first.sfn(), arn);
        awaitWrittenDown(arn, "SUCCEEDED");   // its end is written by the worker just after it is reported
        first.close();
        Path brokenFile = dir.resolve("state-machines").resolve(DataFiles.nameFor(kept.replace("Kept", "Broken")) + ".json");
        Files.writeString(brokenFile, "{\"arn\": \"half-writ");
        Path history = dir.resolve("executions").resolve(DataFiles.nameFor(arn)).resolve("history.jsonl");
        List<String> lines = Files.readAllLines(history);
        Files.write(history, lines.subList(0, 2));

        TestEngine second = start();

        assertThat(second.server().dataDirProblems()).anySatisfy(p -> assertThat(p).contains(brokenFile.toString())
                .contains("state machine it held"));
        assertThat(second.server().dataDirProblems()).anySatisfy(p -> assertThat(p).contains(arn).contains("lost the last"));
        assertThat(second.sfn().describeStateMachine(b -> b.stateMachineArn(kept)).name()).isEqualTo("Kept");
        assertThat(types(second.sfn(), arn)).hasSize(2);
    }
}
