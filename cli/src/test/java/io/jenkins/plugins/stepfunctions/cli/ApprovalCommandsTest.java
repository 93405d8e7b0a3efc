package io.jenkins.plugins.stepfunctions.cli;

import static io.jenkins.plugins.stepfunctions.cli.RunCommandTest.sfn;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import io.jenkins.plugins.stepfunctions.engine.server.EngineServer;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** {@code sfn approve|reject|follow} against an engine server, as a CI job next to the build would run them. */
class ApprovalCommandsTest {
    static EngineServer server;
    static SfnClient sfn;
    static String machine;

    @BeforeAll
    static void start() throws Exception {
        server = EngineServer.start("127.0.0.1", 0, new EngineConfig(Clock.systemUTC(), 0.01, null, null));
        sfn = SfnClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build();
        machine = sfn.createStateMachine(b -> b.name("gate").definition(RunCommandTest.GATE)
                .roleArn("arn:aws:iam::123456789012:role/r")).stateMachineArn();
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
    }

    private String startAndWaitForApproval() throws InterruptedException {
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input("{}")).executionArn();
        for (int i = 0; i < 200; i++) {
            if (sfn.getExecutionHistory(b -> b.executionArn(arn)).events().stream()
                    .anyMatch(e -> e.typeAsString().equals("TaskScheduled"))) {
                return arn;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no approval task scheduled");
    }

    private ExecutionStatus awaitEnd(String arn) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            ExecutionStatus s = sfn.describeExecution(b -> b.executionArn(arn)).status();
            if (s != ExecutionStatus.RUNNING) {
                return s;
            }
            Thread.sleep(10);
        }
        return ExecutionStatus.RUNNING;
    }

    private String endpoint() {
        URI e = server.endpoint();
        return e.toString();
    }

    @Test
    void approveSendsTheDecisionAndTheExecutionGoesOn() throws Exception {
        String arn = startAndWaitForApproval();

        assertThat(sfn("approve", arn, "--endpoint", endpoint(), "--parameters", "[1]").exit()).isEqualTo(ExitCodes.BAD_INPUT);
        RunCommandTest.Result r = sfn("approve", arn, "--endpoint", endpoint(), "--approver", "alice", "--comment", "ok",
                "--parameters", "{\"ticket\":\"CHG-1\"}");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("approved AskRelease");
        assertThat(awaitEnd(arn)).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).output()).contains("\"approver\":\"alice\"", "\"comment\":\"ok\"", "\"ticket\":\"CHG-1\"");
    }

    @Test
    void rejectFailsTheTaskAndTheStateMachineTakesItsRejectedPath() throws Exception {
        String arn = startAndWaitForApproval();

        RunCommandTest.Result r = sfn("reject", arn, "--endpoint", endpoint(), "--state", "AskRelease");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(awaitEnd(arn)).isEqualTo(ExecutionStatus.FAILED);
        RunCommandTest.Result followed = sfn("follow", arn, "--endpoint", endpoint());
        assertThat(followed.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(followed.out()).contains("caught Approval.Rejected", "Execution FAILED");
    }

    @Test
    void answeringTwiceOrWhereNothingIsPendingSaysSo() throws Exception {
        String arn = startAndWaitForApproval();
        assertThat(sfn("approve", arn, "--endpoint", endpoint()).exit()).isZero();
        awaitEnd(arn);

        RunCommandTest.Result again = sfn("approve", arn, "--endpoint", endpoint());

        assertThat(again.exit()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(again.err()).contains("no pending approval", "has ended: SUCCEEDED");
        assertThat(sfn("approve", arn, "--endpoint", endpoint(), "--state", "Elsewhere").exit()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void answeringWhenTheEndpointCannotBeReachedIsAConnectionErrorNotNoPendingApproval() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String arn = machine.replace(":stateMachine:", ":execution:") + ":build-9";

        RunCommandTest.Result r = sfn("reject", arn, "--endpoint", "http://127.0.0.1:" + port);

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err()).contains("cannot reach Step Functions").doesNotContain("no pending approval");
    }

    @Test
    void followOfAMissingExecutionIsNotFoundAndOfAMalformedArnBadInput() {
        String missing = machine.replace(":stateMachine:", ":execution:") + ":missing";

        assertThat(sfn("follow", missing, "--endpoint", endpoint()).exit()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(sfn("follow", "not-an-arn", "--endpoint", endpoint()).exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
