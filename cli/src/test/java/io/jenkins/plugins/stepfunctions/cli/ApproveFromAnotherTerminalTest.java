package io.jenkins.plugins.stepfunctions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While {@code sfn run --local} waits for an approval, it prints the {@code sfn approve} that answers it from
 * another terminal, and that command, typed there as printed, answers it: the engine in the first process serves
 * its API from the first pending approval on. The deadline shown is the engine's, at the time scale in force.
 */
class ApproveFromAnotherTerminalTest {
    static final String GATE = """
            {"StartAt":"Build","States":{
              "Build":{"Type":"Pass","Result":"ok","ResultPath":"$.build","Next":"Ask Release"},
              "Ask Release":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken","TimeoutSeconds":3600,
                "Parameters":{"TopicArn":"arn:aws:sns:us-east-1:123456789012:t","Message":{"TaskToken.$":"$$.Task.Token",
                  "approval":{"message":"Release?"}}},
                "ResultPath":"$.approval","Next":"Done"},
              "Done":{"Type":"Succeed"}}}""";

    private static final Pattern PRINTED = Pattern.compile("^  (sfn approve .*)$", Pattern.MULTILINE);

    @Test
    void thePrintedApproveCommandRunAsPrintedInAnotherProcessAnswersTheApproval(@TempDir Path dir) throws Exception {
        Path file = Files.createDirectories(dir.resolve("release-gate")).resolve("statemachine.asl.json");
        Files.writeString(file, GATE);
        try (ChildSfn run = ChildSfn.start("run", "--local", file.toString(), "--time-scale", "0.01")) {
            run.awaitErr("--reject-all\n");
            Matcher printed = PRINTED.matcher(run.err());
            assertThat(printed.find()).as(run.err()).isTrue();
            String command = printed.group(1);
            assertThat(command).matches("sfn approve arn:aws:states:us-east-1:123456789012:execution:release-gate:\\S+"
                    + " --state 'Ask Release' --endpoint http://127\\.0\\.0\\.1:\\d+");
            // a one-hour timeout at time scale 0.01 is 36 s away, not an hour
            assertThat(run.err()).containsPattern("waiting for an answer to the approval at Ask Release, due \\d\\d:\\d\\d:\\d\\d UTC"
                    + " \\(in 3\\d\\.\\ds; TimeoutSeconds 3600 at time scale 0\\.01\\)\\. Answer it from another terminal with:");

            try (ChildSfn approve = ChildSfn.shell(command, dir)) {
                assertThat(approve.awaitExit()).as(approve.out() + approve.err()).isZero();
            }

            assertThat(run.awaitExit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("Execution SUCCEEDED");
        }
    }

    @Test
    void theDeadlineIsTheEnginesAtTheTimeScaleInForce() {
        Instant scheduled = Instant.parse("2030-01-01T10:00:00Z");
        ApprovalDeadline deadline = new ApprovalDeadline(scheduled, Duration.ofHours(1), 0.01);

        assertThat(deadline.due()).isEqualTo(Instant.parse("2030-01-01T10:00:36Z"));
        assertThat(deadline.describe(scheduled.plusSeconds(1))).isEqualTo("10:00:36 UTC (in 35.0s; TimeoutSeconds 3600 at time scale 0.01)");
        assertThat(new ApprovalDeadline(scheduled, Duration.ofHours(1), 1).describe(scheduled)).isEqualTo("11:00:00 UTC (in 1h00m)");
    }

    @Test
    void wordsThatAShellWouldSplitOrExpandAreQuoted() {
        PendingApproval p = new PendingApproval("id", "arn:aws:states:eu-west-1:123456789012:execution:gate:b-1", "Ask 'Ops' $now",
                3, PendingApproval.Source.CONVENTION, "?", List.of(), null, null, null, null, 0, null, null, null);

        assertThat(new ApproveCommandLine(List.of("--region", "eu-west-1")).of("reject", p))
                .isEqualTo("sfn reject arn:aws:states:eu-west-1:123456789012:execution:gate:b-1 --state 'Ask '\\''Ops'\\'' $now'"
                        + " --region eu-west-1");
    }
}
