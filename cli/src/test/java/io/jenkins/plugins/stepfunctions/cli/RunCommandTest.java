package io.jenkins.plugins.stepfunctions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sfn run} in-process, on the embedded engine ({@code --local}). */
class RunCommandTest {
    static final Path EXAMPLES = Path.of("..", "examples");
    static final String GATE = """
            {"StartAt":"Build","States":{
              "Build":{"Type":"Pass","Result":"ok","ResultPath":"$.build","Next":"AskRelease"},
              "AskRelease":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken",
                "Parameters":{"TopicArn":"arn:aws:sns:us-east-1:123456789012:t","Message":{"TaskToken.$":"$$.Task.Token",
                  "approval":{"message":"Release?"}}},
                "ResultPath":"$.approval",
                "Catch":[{"ErrorEquals":["Approval.Rejected"],"ResultPath":"$.failure","Next":"Rejected"}],"Next":"Done"},
              "Rejected":{"Type":"Fail","Error":"Release.Rejected","Cause":"rejected"},
              "Done":{"Type":"Succeed"}}}""";

    record Result(int exit, String out, String err) {
    }

    static Result sfn(String... args) {
        CommandLine cli = SfnCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static Path gate(Path dir) throws Exception {
        Path file = Files.createDirectories(dir.resolve("release-gate")).resolve("statemachine.asl.json");
        Files.writeString(file, GATE);
        return file;
    }

    @Test
    void runsTheApprovalFlowExampleLocallyApprovingInCi() {
        Result r = sfn("run", "--local", EXAMPLES.resolve("approval-flow/statemachine.asl.json").toString(),
                "--input-file", EXAMPLES.resolve("approval-flow/input.json").toString(),
                "--mock-config", EXAMPLES.resolve("approval-flow/mock-config.json").toString(),
                "--test-case", "HappyPath", "--time-scale", "0.01", "--approve-all", "--approver", "release-bot");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("? approval pending at RequestProductionApproval", "Execution SUCCEEDED", "> NotifyReleased");
        assertThat(r.err()).contains("approved RequestProductionApproval as release-bot");
    }

    @Test
    void reportWritesOneSelfContainedHtmlFileWithTheFinalViewAndTheHistory(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("reports/run.html");

        Result r = sfn("run", "--local", gate(dir).toString(), "--reject-all", "--report", report.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("report written to " + report);
        String html = Files.readString(report);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("SfnView.report(").contains("\"AskRelease\"")
                .contains("\"status\":\"CAUGHT\"").contains("\"ExecutionFailed\"").doesNotContain("<script src");
    }

    @Test
    void aWaitOnALocalEngineWithATimeScaleShowsTheDefinitionsWaitAndTheEnginesExactPace(@TempDir Path dir) throws Exception {
        Path file = Files.createDirectories(dir.resolve("bake")).resolve("statemachine.asl.json");
        Files.writeString(file, "{\"StartAt\":\"Bake\",\"States\":{\"Bake\":{\"Type\":\"Wait\",\"Seconds\":20,\"End\":true}}}");

        // below the 0.02 floor of the polling delays: the line must still give the engine's own scale
        Result r = sfn("run", "--local", file.toString(), "--time-scale", "0.005");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("> Bake (Wait)", "waiting 20.0s at the definition's pace (100ms at time scale 0.005)")
                .doesNotContain("waiting until");
    }

    @Test
    void rejectingInCiEndsWithTheFailureExitCode(@TempDir Path dir) throws Exception {
        Result r = sfn("run", "--local", gate(dir).toString(), "--reject-all", "--comment", "not now");

        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("caught Approval.Rejected, going to Rejected",
                "execution arn:aws:states:us-east-1:", ":execution:release-gate:", "FAILED: Release.Rejected");
    }

    @Test
    void jsonOutputIsOneObjectPerLineWithTheResultLast(@TempDir Path dir) throws Exception {
        Path resultFile = dir.resolve("out/result.json");
        Result r = sfn("run", "--local", gate(dir).toString(), "--approve-all", "--output", "json",
                "--input", "{\"version\":\"1.0\"}", "--set", "target.env=prod", "--result-file", resultFile.toString());

        assertThat(r.exit()).isZero();
        ObjectMapper json = new ObjectMapper();
        String[] lines = r.out().strip().split("\n");
        for (String line : lines) {
            assertThat(json.readTree(line).has("kind")).as(line).isTrue();
        }
        JsonNode last = json.readTree(lines[lines.length - 1]);
        assertThat(last.path("kind").asText()).isEqualTo("result");
        assertThat(last.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(last.path("output").path("target").path("env").asText()).isEqualTo("prod");
        JsonNode file = json.readTree(resultFile.toFile());
        assertThat(file.path("history").size()).isGreaterThan(5);
        assertThat(file.path("history").get(0).path("type").asText()).isEqualTo("ExecutionStarted");
    }

    @Test
    void invalidJsonInputIsABadInputNamingTheSourceAndStartsNothing(@TempDir Path dir) throws Exception {
        Result r = sfn("run", "--local", gate(dir).toString(), "--input", "{version: 1}");

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("JSON input: is not valid JSON at line 1").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void inputOver256KiBIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        Files.writeString(big, "{\"blob\":\"" + "x".repeat(300 * 1024) + "\"}");

        Result r = sfn("run", "--local", gate(dir).toString(), "--input-file", big.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("input file " + big, "over Step Functions' limit of 262144 bytes");
    }

    @Test
    void aTimeScaleThatIsNotPositiveIsABadInputAndStartsNothing(@TempDir Path dir) throws Exception {
        Result r = sfn("run", "--local", gate(dir).toString(), "--time-scale", "-1", "--approve-all");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--time-scale -1.0 must be a positive number").doesNotContain("started");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void localOnlyOptionsWithoutLocalAreABadInputNamingTheOption() {
        String arn = "arn:aws:states:us-east-1:123456789012:stateMachine:deploy";

        Result mocks = sfn("run", arn, "--endpoint", "http://127.0.0.1:1", "--mock-config", "mocks.json");
        Result scale = sfn("run", arn, "--endpoint", "http://127.0.0.1:1", "--time-scale", "0.01");

        assertThat(mocks.exit()).as(mocks.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mocks.err()).contains("--mock-config works with --local only");
        assertThat(scale.exit()).as(scale.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(scale.err()).contains("--time-scale works with --local only");
    }

    @Test
    void aMockConfigThatDoesNotExistIsABadInputSayingSo(@TempDir Path dir) throws Exception {
        Result r = sfn("run", "--local", gate(dir).toString(), "--mock-config", dir.resolve("nope.json").toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("nope.json: no such file");
    }

    @Test
    void anUnknownStateMachineIsNotFound() {
        Result r = sfn("run", "--local", "arn:aws:states:us-east-1:123456789012:stateMachine:nope");

        assertThat(r.exit()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(r.err()).contains("does not exist");
    }

    @Test
    void aMalformedArnIsABadInput() {
        Result r = sfn("run", "--local", "arn:aws:states:nope");

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("is not a state machine ARN");
    }

    @Test
    void anUnreachableEndpointIsAConnectionError() {
        Result r = sfn("run", "--endpoint", "http://127.0.0.1:1", "arn:aws:states:us-east-1:123456789012:stateMachine:x");

        assertThat(r.exit()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err()).contains("cannot reach Step Functions");
    }

    @Test
    void missingCredentialsAreAConnectionErrorSayingWhereToPutThem() {
        Result r = sfn("run", "--region", "eu-west-1", "--profile", "no-such-profile-for-sfn-tests",
                "arn:aws:states:eu-west-1:123456789012:stateMachine:deploy");

        assertThat(r.exit()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err()).contains("no AWS credentials found", "--profile").doesNotContain("\tat ");
    }

    @Test
    void aMissingRegionIsABadInputNamingTheOption() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null,
                "AWS_REGION is set in this environment");

        Result r = sfn("run", "arn:aws:states:eu-west-1:123456789012:stateMachine:deploy");

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("region: no AWS region given", "--region");
    }
}
