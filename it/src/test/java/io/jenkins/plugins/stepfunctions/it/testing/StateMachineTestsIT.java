package io.jenkins.plugins.stepfunctions.it.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.it.harness.JenkinsRest;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsWithSfnLocal;
import io.jenkins.plugins.stepfunctions.it.harness.InboundAgent;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code sfnTest} and the freestyle "Test Step Functions state machines" step in a running Jenkins: the test
 * runner and the embedded engine bundled in the .hpi run a state machine's test cases in the workspace, the
 * console shows a line per case and the coverage, the JUnit XML lands in the workspace, the build page shows
 * the result, a failing case makes the build UNSTABLE and a broken test file fails it naming the file. And a
 * real deployment written as JUnit XML by {@code sfnExecute(junitFile: ...)}.
 */
class StateMachineTestsIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** A deployment with a rollback path; the test case below never takes the Catch. */
    static final String DEFINITION = """
            {"StartAt": "Deploy", "States": {
              "Deploy": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "deploy", "Payload.$": "$"},
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "RolledBack"}], "Next": "Done"},
              "RolledBack": {"Type": "Fail", "Error": "Deploy.Failed"},
              "Done": {"Type": "Succeed"}}}""";
    static final String MOCK_CONFIG = """
            {"StateMachines": {"deploy": {"TestCases": {"HappyPath": {"Deploy": "Deployed"}}}},
             "MockedResponses": {"Deployed": {"0": {"Return": {"StatusCode": 200, "Payload": {"ok": true}}}}}}""";

    static String tests(String expectedPath) {
        return """
                {"testCases": {"HappyPath": {"status": "SUCCEEDED", "path": %s}}}""".formatted(expectedPath);
    }

    @RegisterExtension
    static final JenkinsWithSfnLocal env = new JenkinsWithSfnLocal();

    private static String writeFiles(String tests) {
        return """
                  writeFile file: 'sm/deploy.asl.json', text: '''%s'''
                  writeFile file: 'sm/deploy.mock-config.json', text: '''%s'''
                  writeFile file: 'sm/deploy.tests.json', text: '''%s'''
                """.formatted(DEFINITION, MOCK_CONFIG, tests);
    }

    @Test
    void passingTestsAreReportedWithTheirCoverageAndJunitXmlAndTheBuildSucceeds() throws Exception {
        JenkinsRest jenkins = env.rest();
        String job = "sfn-test-passing";
        jenkins.createPipeline(job, """
                node {
                %s
                  def r = sfnTest paths: 'sm', junitFile: 'out/sfn-test.xml', minCoverage: 50
                  echo "RESULT passed=${r.passed} cases=${r.cases} failures=${r.failures} coverage=${r.coverage} missed=${r.missed}"
                  echo "JUNIT ${readFile('out/sfn-test.xml').contains('<testcase classname="deploy" name="HappyPath"')}"
                }
                """.formatted(writeFiles(tests("[\"Deploy\", \"Done\"]"))));

        int build = jenkins.build(job);

        assertThat(jenkins.awaitResult(job, build, TIMEOUT)).as(jenkins.console(job, build)).isEqualTo("SUCCESS");
        String console = jenkins.console(job, build);
        assertThat(console).contains("PASS  deploy#HappyPath", "coverage 50.0% (2/4)",
                "catch Deploy #1 [States.ALL] -> RolledBack", "state RolledBack",
                "RESULT passed=true cases=1 failures=0 coverage=50.0 missed=[catch deploy/Deploy #1 [States.ALL] -> RolledBack, state deploy/RolledBack]",
                "JUNIT true");
        assertThat(console).as("paths are shown as the user wrote them, not the agent's absolute workspace")
                .doesNotContain("/workspace/" + job + "/sm");
        assertThat(jenkins.page("job/" + job + "/" + build + "/"))
                .contains("State machine tests (sm)", "1 of 1 passed", "coverage 50.0% (2 of 4)", "Never taken by a test (2)");
    }

    @Test
    void aFailingCaseAndCoverageBelowTheMinimumMakeTheBuildUnstableAndNameWhatFailed() throws Exception {
        JenkinsRest jenkins = env.rest();
        String job = "sfn-test-failing";
        jenkins.createPipeline(job, """
                node {
                %s
                  def r = sfnTest paths: 'sm', minCoverage: 90
                  echo "RESULT passed=${r.passed} failedCases=${r.failedCases}"
                }
                """.formatted(writeFiles(tests("[\"Deploy\", \"RolledBack\"]"))));

        int build = jenkins.build(job);

        assertThat(jenkins.awaitResult(job, build, TIMEOUT)).as(jenkins.console(job, build)).isEqualTo("UNSTABLE");
        String console = jenkins.console(job, build);
        assertThat(console).contains("FAIL  deploy#HappyPath", "coverage 50.0% (2 of 4) is below minCoverage 90%",
                "1 test case(s) failed; the build is marked UNSTABLE", "RESULT passed=false failedCases=[deploy#HappyPath]");
        assertThat(jenkins.page("job/" + job + "/" + build + "/")).contains("1 failed", "below the minimum of 90%");
    }

    @Test
    void aBrokenTestFileFailsTheStepNamingTheFileAndTheFieldWithoutAStackTrace() throws Exception {
        JenkinsRest jenkins = env.rest();
        String job = "sfn-test-broken";
        jenkins.createPipeline(job, """
                node {
                %s
                  sfnTest paths: 'sm'
                }
                """.formatted(writeFiles("{\"testCases\": {\"HappyPath\": {\"status\": \"DONE\"}}}")));

        int build = jenkins.build(job);

        assertThat(jenkins.awaitResult(job, build, TIMEOUT)).as(jenkins.console(job, build)).isEqualTo("FAILURE");
        String console = jenkins.console(job, build);
        assertThat(console).contains("sfnTest: sm/deploy.tests.json: testCases.HappyPath.status")
                .doesNotContain("\tat io.jenkins.plugins", "Exception:");
    }

    @Test
    void theFreestyleStepRunsTheSameTestsFromItsConfigXmlWithVariablesExpanded() throws Exception {
        JenkinsRest jenkins = env.rest();
        String job = "sfn-test-freestyle";
        String script = "mkdir -p sm\n"
                + "cat > sm/deploy.asl.json <<'EOF'\n" + DEFINITION + "\nEOF\n"
                + "cat > sm/deploy.mock-config.json <<'EOF'\n" + MOCK_CONFIG + "\nEOF\n"
                + "cat > sm/deploy.tests.json <<'EOF'\n" + tests("[\"Deploy\", \"Done\"]") + "\nEOF\n";
        jenkins.createItem(job, """
                <project>
                  <builders>
                    <hudson.tasks.Shell><command>%s</command></hudson.tasks.Shell>
                    <io.jenkins.plugins.stepfunctions.plugin.freestyle.SfnTestBuilder plugin="aws-step-functions">
                      <tests>
                        <paths>sm</paths>
                        <junitFile>out/${BUILD_NUMBER}.xml</junitFile>
                      </tests>
                    </io.jenkins.plugins.stepfunctions.plugin.freestyle.SfnTestBuilder>
                  </builders>
                </project>
                """.formatted(JenkinsRest.xmlEscape(script)));

        int build = jenkins.build(job);

        assertThat(jenkins.awaitResult(job, build, TIMEOUT)).as(jenkins.console(job, build)).isEqualTo("SUCCESS");
        assertThat(jenkins.console(job, build)).contains("PASS  deploy#HappyPath", "JUnit XML: out/" + build + ".xml");
        assertThat(jenkins.page("job/" + job + "/ws/out/" + build + ".xml")).contains("<testcase classname=\"deploy\" name=\"HappyPath\"");
        assertThat(jenkins.page("job/" + job + "/configure")).contains("Test Step Functions state machines", "out/${BUILD_NUMBER}.xml");
    }

    @Test
    void sfnExecuteWritesTheDeploymentAsJunitXmlWithAStatePerTestCase() throws Exception {
        JenkinsRest jenkins = env.rest();
        String job = "deploy-junit";
        String testCase = env.examples().example("blue-green").firstTestCase("SUCCEEDED", false);
        jenkins.createPipeline(job, """
                node {
                  %s {
                    sfnExecute stateMachine: '%s#%s', input: '''%s''', buildMetadata: false, junitFile: 'reports/deploy.xml'
                  }
                  def xml = readFile('reports/deploy.xml')
                  echo "JUNIT suite=${xml.contains('<testsuite name="blue-green"')} cases=${xml.contains('<testcase classname="blue-green" name="')} failures=${xml.contains('failures="0"')}"
                }
                """.formatted(env.withStepFunctions(), env.stateMachineArn("blue-green"), testCase,
                env.examples().example("blue-green").input()));

        int build = jenkins.build(job);

        assertThat(jenkins.awaitResult(job, build, TIMEOUT)).as(jenkins.console(job, build)).isEqualTo("SUCCESS");
        assertThat(jenkins.console(job, build)).contains("JUNIT suite=true cases=true failures=true");
    }

    @Test
    void onAnAgentTheTestsRunThereThroughRemotingAndTheirFilesLandInTheAgentsWorkspace() throws Exception {
        InboundAgent agent = env.agent("tester");
        JenkinsRest jenkins = env.rest();
        String job = "sfn-test-on-agent";
        jenkins.createPipeline(job, """
                node('tester') {
                %s
                  def r = sfnTest paths: 'sm', junitFile: 'out/agent.xml'
                  echo "RESULT passed=${r.passed} coverage=${r.coverage}"
                }
                """.formatted(writeFiles(tests("[\"Deploy\", \"Done\"]"))));

        int build = jenkins.build(job);

        assertThat(jenkins.awaitResult(job, build, TIMEOUT)).as(jenkins.console(job, build)).isEqualTo("SUCCESS");
        assertThat(jenkins.console(job, build)).contains("Running on tester", "PASS  deploy#HappyPath",
                "RESULT passed=true coverage=50.0");
        assertThat(Files.readString(agent.root().resolve("workspace/" + job + "/out/agent.xml")))
                .contains("<testcase classname=\"deploy\" name=\"HappyPath\"");
    }
}
