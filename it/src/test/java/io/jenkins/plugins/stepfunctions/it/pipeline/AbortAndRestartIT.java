package io.jenkins.plugins.stepfunctions.it.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.it.harness.Consoles;
import io.jenkins.plugins.stepfunctions.it.harness.Eventually;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsRest;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsWithSfnLocal;
import io.jenkins.plugins.stepfunctions.it.harness.Resources;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A Pipeline build that waits while its execution sits in a Wait state: aborting the build stops the
 * execution; restarting Jenkins resumes the wait from the saved history cursor, prints no event twice and
 * ends the build as the execution ends.
 */
class AbortAndRestartIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @RegisterExtension
    static final JenkinsWithSfnLocal env = new JenkinsWithSfnLocal()
            .withStateMachine("hold", Resources.text("statemachines/hold.asl.json"));

    private String holdJob(String job) throws Exception {
        env.rest().createPipeline(job, """
                %s {
                  def r = sfnExecute(stateMachine: '%s', input: '{"release": "1.0"}', buildMetadata: false)
                  echo "RESULT status=${r.status}"
                }
                """.formatted(env.withStepFunctions(), env.stateMachineArn("hold")));
        return job;
    }

    @Test
    void abortingTheBuildStopsTheExecution() throws Exception {
        JenkinsRest jenkins = env.rest();
        String job = holdJob("abort-hold");
        int build = jenkins.build(job);
        String console = jenkins.awaitConsole(job, build, "> Hold (Wait)", TIMEOUT);
        String arn = Consoles.startedExecution(console);

        assertThat(jenkins.post("job/" + job + "/" + build + "/stop", null, "").status()).isIn(200, 302);

        assertThat(jenkins.awaitResult(job, build, TIMEOUT)).isEqualTo("ABORTED");
        ExecutionStatus status = Eventually.value(Duration.ofSeconds(30), "the execution to be stopped", () -> {
            ExecutionStatus s = env.sfn().client().describeExecution(b -> b.executionArn(arn)).status();
            return s == ExecutionStatus.RUNNING ? null : s;
        });
        assertThat(status).isEqualTo(ExecutionStatus.ABORTED);
    }

    @Test
    void restartingJenkinsDuringAWaitResumesTheFollowWithoutPrintingAnEventTwice() throws Exception {
        JenkinsRest jenkins = env.rest();
        String job = holdJob("restart-hold");
        int build = jenkins.build(job);
        String before = jenkins.awaitConsole(job, build, "> Hold (Wait)", TIMEOUT);
        String arn = Consoles.startedExecution(before);

        env.jenkins().restart();

        assertThat(jenkins.awaitResult(job, build, TIMEOUT)).as(jenkins.console(job, build)).isEqualTo("SUCCESS");
        String console = jenkins.console(job, build);
        assertThat(console).contains("Resuming to follow " + arn).contains("RESULT status=SUCCEEDED");
        assertThat(Consoles.enteredStates(console)).as("each StateEntered event once, across the restart")
                .containsExactlyElementsOf(env.sfn().enteredStatesOutsideMapIterations(arn));
    }
}
