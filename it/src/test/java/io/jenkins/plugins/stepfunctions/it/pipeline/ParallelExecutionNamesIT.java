package io.jenkins.plugins.stepfunctions.it.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.it.harness.JenkinsRest;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsWithSfnLocal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Two {@code sfnExecute} in {@code parallel} on one state machine, same input: each starts its own execution,
 * named after its step's flow node, instead of both deriving one name and the second attaching to the first.
 */
class ParallelExecutionNamesIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern STARTED = Pattern.compile("Started execution (arn:aws:states:\\S+:execution:\\S+)");

    @RegisterExtension
    static final JenkinsWithSfnLocal env = new JenkinsWithSfnLocal().withStateMachine("short-wait", """
            {"StartAt": "Hold", "States": {"Hold": {"Type": "Wait", "Seconds": 300, "Next": "Done"},
             "Done": {"Type": "Succeed"}}}""");

    @Test
    void twoSfnExecuteInParallelOnOneStateMachineStartTwoExecutionsNamedAfterTheirSteps() throws Exception {
        JenkinsRest jenkins = env.rest();
        String job = "parallel-names";
        jenkins.createPipeline(job, """
                %s {
                  parallel left: {
                    echo "LEFT ${sfnExecute(stateMachine: '%2$s', input: '{}', buildMetadata: false).status}"
                  }, right: {
                    echo "RIGHT ${sfnExecute(stateMachine: '%2$s', input: '{}', buildMetadata: false).status}"
                  }
                }
                """.formatted(env.withStepFunctions(), env.stateMachineArn("short-wait")));

        int build = jenkins.build(job);

        assertThat(jenkins.awaitResult(job, build, TIMEOUT)).as(jenkins.console(job, build)).isEqualTo("SUCCESS");
        String console = jenkins.console(job, build);
        assertThat(console).contains("LEFT SUCCEEDED", "RIGHT SUCCEEDED").doesNotContain("Attached to execution");
        List<String> started = new ArrayList<>();
        Matcher m = STARTED.matcher(console);
        while (m.find()) {
            started.add(m.group(1));
        }
        assertThat(started).hasSize(2).doesNotHaveDuplicates()
                .allSatisfy(arn -> assertThat(arn).matches(".*:execution:short-wait:" + job + "-" + build + "-\\d+"));
        for (String arn : started) {
            assertThat(env.sfn().client().describeExecution(b -> b.executionArn(arn)).status())
                    .isEqualTo(ExecutionStatus.SUCCEEDED);
        }
    }
}
