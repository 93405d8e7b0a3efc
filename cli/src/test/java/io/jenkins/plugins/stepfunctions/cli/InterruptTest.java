package io.jenkins.plugins.stepfunctions.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import io.jenkins.plugins.stepfunctions.engine.server.EngineServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Ctrl-C (SIGINT) and SIGTERM reach the real sfn, a process of its own: {@code run} and {@code follow} exit 4
 * (aborted) as docs/cli.md says, {@code local} exits 0; no line is cut in half, and the last line says what
 * became of the execution.
 */
class InterruptTest {
    static final String BAKE = """
            {"StartAt":"Prepare","States":{
              "Prepare":{"Type":"Pass","Next":"Bake"},
              "Bake":{"Type":"Wait","Seconds":3600,"End":true}}}""";
    static EngineServer server;
    static SfnClient sfn;
    static String machine;

    @BeforeAll
    static void start() throws Exception {
        server = EngineServer.start("127.0.0.1", 0, new EngineConfig(Clock.systemUTC(), 1, null, null));
        sfn = SfnClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build();
        machine = sfn.createStateMachine(b -> b.name("bake").definition(BAKE)
                .roleArn("arn:aws:iam::123456789012:role/r")).stateMachineArn();
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
    }

    private static Path definition(Path dir) throws Exception {
        Path file = Files.createDirectories(dir.resolve("bake")).resolve("statemachine.asl.json");
        Files.writeString(file, BAKE);
        return file;
    }

    private static DescribeExecutionResponse execution(String arn) {
        return sfn.describeExecution(b -> b.executionArn(arn));
    }

    private static void assertNoLineCut(ChildSfn child) {
        assertThat(child.out()).endsWith("\n");
        assertThat(child.err()).endsWith("\n").doesNotContain("Exception", "\tat ");
    }

    @Test
    void ctrlCOnRunLocalStopsTheExecutionSaysSoAndExitsAborted(@TempDir Path dir) throws Exception {
        assumeFalse(ChildSfn.sigintIgnored(), "SIGINT is ignored in this process and so in its children");
        try (ChildSfn run = ChildSfn.start("run", "--local", definition(dir).toString())) {
            run.awaitOut("waiting until");

            run.signal("INT");

            assertThat(run.awaitExit()).as(run.err()).isEqualTo(ExitCodes.ABORTED);
            assertNoLineCut(run);
            assertThat(run.err()).containsPattern("sfn run: interrupted; stopped arn:aws:states:us-east-1:\\d+:execution:bake:\\S+"
                    + " \\(it ran in sfn's own engine, which ends with sfn\\)\n$");
        }
    }

    @Test
    void sigtermOnRunLocalAlsoExitsAborted(@TempDir Path dir) throws Exception {
        try (ChildSfn run = ChildSfn.start("run", "--local", definition(dir).toString())) {
            run.awaitOut("waiting until");

            run.signal("TERM"); // what Process.destroy() sends, without closing our end of its output

            assertThat(run.awaitExit()).isEqualTo(ExitCodes.ABORTED);
            assertNoLineCut(run);
            assertThat(run.err()).contains("sfn run: interrupted; stopped ");
        }
    }

    @Test
    void ctrlCOnRunAgainstAnEndpointStopsTheExecutionItStarted(@TempDir Path dir) throws Exception {
        assumeFalse(ChildSfn.sigintIgnored(), "SIGINT is ignored in this process and so in its children");
        try (ChildSfn run = ChildSfn.start("run", machine, "--endpoint", server.endpoint().toString())) {
            run.awaitOut("waiting until");

            run.signal("INT");

            assertThat(run.awaitExit()).isEqualTo(ExitCodes.ABORTED);
            String arn = run.err().replaceAll("(?s).*sfn run: started (\\S+).*", "$1");
            assertThat(run.err()).contains("sfn run: interrupted; stopped " + arn + " (StopExecution with error Build.Aborted)");
            assertThat(execution(arn).status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(execution(arn).error()).isEqualTo("Build.Aborted");
        }
    }

    @Test
    void runWithNoStopOnInterruptLeavesTheExecutionRunningAndSaysHowToFollowItAgain() throws Exception {
        try (ChildSfn run = ChildSfn.start("run", machine, "--endpoint", server.endpoint().toString(), "--no-stop-on-interrupt")) {
            run.awaitOut("waiting until");

            run.signal("TERM"); // what Process.destroy() sends, without closing our end of its output

            assertThat(run.awaitExit()).isEqualTo(ExitCodes.ABORTED);
            String arn = run.err().replaceAll("(?s).*sfn run: started (\\S+).*", "$1");
            assertThat(run.err()).contains("sfn run: interrupted; left " + arn + " running (--no-stop-on-interrupt);"
                    + " follow it again with: sfn follow " + arn + " --endpoint " + server.endpoint());
            assertThat(execution(arn).status()).isEqualTo(ExecutionStatus.RUNNING);
        }
    }

    @Test
    void ctrlCOnFollowLeavesTheExecutionRunningAndExitsAborted() throws Exception {
        assumeFalse(ChildSfn.sigintIgnored(), "SIGINT is ignored in this process and so in its children");
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input("{}")).executionArn();
        try (ChildSfn follow = ChildSfn.start("follow", arn, "--endpoint", server.endpoint().toString())) {
            follow.awaitOut("waiting until");

            follow.signal("INT");

            assertThat(follow.awaitExit()).isEqualTo(ExitCodes.ABORTED);
            assertNoLineCut(follow);
            assertThat(follow.err()).endsWith("sfn follow: interrupted; " + arn + " goes on running (sfn follow never stops an execution)\n");
            assertThat(execution(arn).status()).isEqualTo(ExecutionStatus.RUNNING);
        }
    }

    @Test
    void ctrlCAndSigtermStopSfnLocalWithExitZero() throws Exception {
        for (String signal : ChildSfn.sigintIgnored() ? new String[] {"TERM"} : new String[] {"INT", "TERM"}) {
            try (ChildSfn local = ChildSfn.start("local", "--port", "0")) {
                local.awaitOut("http://127.0.0.1:");

                local.signal(signal);

                assertThat(local.awaitExit()).as(signal + "\n" + local.err()).isZero();
                assertThat(local.err()).endsWith("sfn local: stopped\n");
            }
        }
    }

    @Test
    void noStopOnInterruptWithLocalIsRefusedBecauseTheExecutionCannotOutliveSfn(@TempDir Path dir) throws Exception {
        RunCommandTest.Result r = RunCommandTest.sfn("run", "--local", definition(dir).toString(), "--no-stop-on-interrupt");

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--no-stop-on-interrupt cannot work with --local");
    }
}
