package io.jenkins.plugins.stepfunctions.bridge.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.bridge.EngineFixture;
import io.jenkins.plugins.stepfunctions.view.StateStatus;
import io.jenkins.plugins.stepfunctions.view.StateView;
import io.jenkins.plugins.stepfunctions.view.Transition;
import io.jenkins.plugins.stepfunctions.view.ViewData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** The view's state statuses from real histories: the examples run on the embedded engine, read through the SDK. */
class ExecutionViewsAgainstEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void aRetriedBranchTaskSucceedsWithItsAttemptCountAndTheUntakenPathStaysNotReached() throws Exception {
        ViewData view = finished("parallel-verification", "SmokeLambdaErrorRetried");

        assertThat(view.execution().status()).isEqualTo("SUCCEEDED");
        assertThat(state(view, "RunSmokeTests").status()).isEqualTo(StateStatus.SUCCEEDED);
        assertThat(state(view, "RunSmokeTests").attempts()).isEqualTo(2);
        assertThat(state(view, "RunSmokeTests").error()).isNull();
        assertThat(state(view, "VerifyInParallel").status()).isEqualTo(StateStatus.SUCCEEDED);
        assertThat(state(view, "Verified").status()).isEqualTo(StateStatus.SUCCEEDED);
        assertThat(state(view, "PublishFailedVerification").status()).isEqualTo(StateStatus.NOT_REACHED);
        assertThat(view.transitions()).extracting(Transition::from, Transition::to)
                .contains(org.assertj.core.groups.Tuple.tuple("VerifyInParallel", "PublishVerifiedRelease"));
        assertThat(state(view, "VerifyInParallel").output()).isNotNull();
    }

    @Test
    void aFailingBranchMakesItsParallelCaughtAndTheExecutionFailsAtItsFailState() throws Exception {
        ViewData view = finished("parallel-verification", "SmokeTestsFail");

        assertThat(view.execution().status()).isEqualTo("FAILED");
        assertThat(view.execution().error()).isEqualTo("Verification.Failed");
        assertThat(state(view, "VerifyInParallel").status()).isEqualTo(StateStatus.CAUGHT);
        assertThat(state(view, "VerifyInParallel").error()).isNotNull();
        assertThat(state(view, "SmokeTestsFailed").status()).isEqualTo(StateStatus.FAILED);
        assertThat(state(view, "VerificationFailed").status()).isEqualTo(StateStatus.FAILED);
        assertThat(state(view, "VerificationFailed").error()).isEqualTo("Verification.Failed");
        assertThat(state(view, "PublishVerifiedRelease").status()).isEqualTo(StateStatus.NOT_REACHED);
    }

    @Test
    void aMapCountsItsIterationsAndItsInnerStatesCountTheirEntries() throws Exception {
        ViewData view = finished("canary", "HappyPath");

        StateView map = state(view, "ShiftTrafficInSteps");
        assertThat(map.status()).isEqualTo(StateStatus.SUCCEEDED);
        assertThat(map.iterations()).isNotNull();
        assertThat(map.iterations().items()).isEqualTo(2);
        assertThat(map.iterations().succeeded()).isEqualTo(2);
        assertThat(map.iterations().failed()).isZero();
        assertThat(state(view, "RouteCanaryTraffic").entries()).isEqualTo(2);
        assertThat(state(view, "RouteCanaryTraffic").status()).isEqualTo(StateStatus.SUCCEEDED);
        assertThat(state(view, "CanaryPromoted").status()).isEqualTo(StateStatus.SUCCEEDED);
    }

    @Test
    void anApprovalIsPendingWhileItWaitsAndTheStateSucceedsOnceApproved() throws Exception {
        Path folder = EXAMPLES.resolve("approval-flow");
        try (EngineFixture engine = new EngineFixture(Files.readString(folder.resolve("mock-config.json")))) {
            String arn = start(engine, folder, "approval-flow", "HappyPath");
            HistoryEvent scheduled = awaitEvent(engine, arn, e -> e.typeAsString().equals("TaskScheduled")
                    && e.taskScheduledEventDetails().resource().endsWith(".waitForTaskToken"));

            String token = token(scheduled);
            ViewData pending = ExecutionViews.read(engine.clients.sfn(), arn).view(0.01);
            StateView asking = state(pending, "RequestProductionApproval");
            assertThat(asking.status()).isEqualTo(StateStatus.APPROVAL_PENDING);
            assertThat(asking.approval().message()).startsWith("Promote ");
            assertThat(asking.approval().submitters()).contains("alice", "bob");
            assertThat(asking.approval().scheduledEventId()).isEqualTo(scheduled.id());
            assertThat(pending.execution().status()).isEqualTo("RUNNING");
            assertThat(state(pending, "WaitForStagingDeployment").entries()).isEqualTo(2);
            assertThat(state(pending, "DeployToProduction").status()).isEqualTo(StateStatus.NOT_REACHED);
            assertThat(JSON.writeValueAsString(pending)).as("the view never carries the task token")
                    .doesNotContain(token);

            engine.clients.sfn().sendTaskSuccess(b -> b.taskToken(token)
                    .output("{\"approved\":true,\"approver\":\"alice\",\"comment\":\"ok\"}"));
            awaitEnd(engine, arn);
            ViewData done = ExecutionViews.read(engine.clients.sfn(), arn).view(0.01);
            assertThat(state(done, "RequestProductionApproval").status()).isEqualTo(StateStatus.SUCCEEDED);
            assertThat(state(done, "RequestProductionApproval").approval()).isNull();
            assertThat(done.execution().status()).isEqualTo("SUCCEEDED");
            assertThat(done.lastEventId()).isEqualTo(done.eventCount());
        }
    }

    @Test
    void theReportOfARealRunIsOneSelfContainedPage() throws Exception {
        Path folder = EXAMPLES.resolve("parallel-verification");
        try (EngineFixture engine = new EngineFixture(Files.readString(folder.resolve("mock-config.json")))) {
            String arn = start(engine, folder, "parallel-verification", "AllSuitesPass");
            awaitEnd(engine, arn);
            String html = ExecutionViews.read(engine.clients.sfn(), arn).report(0.01);

            assertThat(html).startsWith("<!DOCTYPE html>").contains("dagre").contains("SfnView.report(")
                    .contains("\"VerifyInParallel\"").doesNotContain("<script src").doesNotContain("<link");
        }
    }

    private static ViewData finished(String example, String testCase) throws Exception {
        Path folder = EXAMPLES.resolve(example);
        try (EngineFixture engine = new EngineFixture(Files.readString(folder.resolve("mock-config.json")))) {
            String arn = start(engine, folder, example, testCase);
            awaitEnd(engine, arn);
            return ExecutionViews.read(engine.clients.sfn(), arn).view(0.01);
        }
    }

    static String start(EngineFixture engine, Path folder, String name, String testCase) throws Exception {
        String input = readInput(folder);
        String machine = engine.createMachine(name, Files.readString(folder.resolve("statemachine.asl.json")));
        return engine.clients.sfn().startExecution(b -> b.stateMachineArn(machine + "#" + testCase)
                .input(input)).executionArn();
    }

    private static String readInput(Path folder) throws Exception {
        return Files.readString(folder.resolve("input.json"));
    }

    private static StateView state(ViewData view, String name) {
        assertThat(view.states()).containsKey(name);
        return view.states().get(name);
    }

    static void awaitEnd(EngineFixture engine, String arn) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (engine.clients.sfn().describeExecution(b -> b.executionArn(arn)).status() == ExecutionStatus.RUNNING) {
            assertThat(Instant.now()).as("execution still running").isBefore(deadline);
            Thread.sleep(20);
        }
    }

    static HistoryEvent awaitEvent(EngineFixture engine, String arn, Predicate<HistoryEvent> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            for (HistoryEvent e : engine.clients.sfn().getExecutionHistoryPaginator(b -> b.executionArn(arn)).events()) {
                if (wanted.test(e)) {
                    return e;
                }
            }
            assertThat(Instant.now()).as("event not seen").isBefore(deadline);
            Thread.sleep(20);
        }
    }

    static String token(HistoryEvent scheduled) throws Exception {
        JsonNode params = JSON.readTree(scheduled.taskScheduledEventDetails().parameters());
        return params.findValue("TaskToken").asText();
    }
}
