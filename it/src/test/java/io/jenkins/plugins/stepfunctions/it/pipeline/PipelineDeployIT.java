package io.jenkins.plugins.stepfunctions.it.pipeline;

import static io.jenkins.plugins.stepfunctions.it.harness.Consoles.groovyLiteral;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.it.harness.Consoles;
import io.jenkins.plugins.stepfunctions.it.harness.Examples;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsRest;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsWithSfnLocal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deployments run by Pipeline jobs in a running Jenkins: every example's successful path with
 * {@code sfnExecute}, scripted and Declarative; every transition in the console exactly once; the result map
 * returned to the script; the build's record saved in {@code build.xml} and readable after a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineDeployIT {
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(2);

    @RegisterExtension
    static final JenkinsWithSfnLocal env = new JenkinsWithSfnLocal();

    static Stream<String> examplesWithoutApprovals() {
        return Examples.fromSystemProperty().all().stream()
                .filter(e -> !e.definition().contains("waitForTaskToken"))
                .map(Examples.Example::name);
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("examplesWithoutApprovals")
    void scriptedPipelineDeploysTheExampleAndPrintsEveryTransitionOnce(String name) throws Exception {
        Examples.Example example = env.examples().example(name);
        String testCase = example.firstTestCase("SUCCEEDED", false);
        JenkinsRest jenkins = env.rest();
        String job = "deploy-" + name;
        jenkins.createPipeline(job, """
                %s {
                  def r = sfnExecute(stateMachine: '%s#%s', input: %s, buildMetadata: false)
                  echo "RESULT status=${r.status} succeeded=${r.output != null} arn=${r.executionArn}"
                }
                """.formatted(env.withStepFunctions(), env.stateMachineArn(name), testCase, groovyLiteral(example.input())));

        int build = jenkins.build(job);

        assertThat(jenkins.awaitResult(job, build, BUILD_TIMEOUT)).as(jenkins.console(job, build)).isEqualTo("SUCCESS");
        String console = jenkins.console(job, build);
        String arn = Consoles.startedExecution(console);
        assertThat(console).contains("RESULT status=SUCCEEDED succeeded=true arn=" + arn);
        assertThat(Consoles.enteredStates(console)).as("each StateEntered event once, in the console")
                .containsExactlyInAnyOrderElementsOf(env.sfn().enteredStatesOutsideMapIterations(arn));
        assertThat(env.sfn().enteredStates(arn)).as("the path the example expects")
                .containsSubsequence(example.path(testCase));
    }

    @Order(2)
    @Test
    void declarativePipelineDeploysAndTheBuildRecordIsSavedAndReadableAfterARestart() throws Exception {
        JenkinsRest jenkins = env.rest();
        String job = "declarative-blue-green";
        Examples.Example example = env.examples().example("blue-green");
        jenkins.createPipeline(job, """
                pipeline {
                  agent none
                  stages {
                    stage('Deploy') {
                      steps {
                        %s {
                          script {
                            def r = sfnExecute(stateMachine: '%s#HappyPath', input: %s, buildMetadata: false)
                            echo "RESULT status=${r.status}"
                          }
                        }
                      }
                    }
                  }
                }
                """.formatted(env.withStepFunctions(), env.stateMachineArn("blue-green"), groovyLiteral(example.input())));

        int build = jenkins.build(job);

        assertThat(jenkins.awaitResult(job, build, BUILD_TIMEOUT)).as(jenkins.console(job, build)).isEqualTo("SUCCESS");
        String arn = Consoles.startedExecution(jenkins.console(job, build));
        Path buildXml = env.jenkins().home().resolve("jobs/" + job + "/builds/" + build + "/build.xml");
        assertThat(Files.readString(buildXml)).as("the plugin's action is saved with the build")
                .contains("StepFunctionsRunAction").contains(arn);

        env.jenkins().restart();

        String page = jenkins.page("job/" + job + "/" + build + "/stepfunctions/");
        assertThat(page).as("the build page of the execution, read back from build.xml").contains(arn).contains("SUCCEEDED");
    }
}
