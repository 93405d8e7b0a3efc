package io.jenkins.plugins.stepfunctions.it.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsRest;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsWithSfnLocal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JUnit XML that {@code sfnTest} and {@code sfnExecute(junitFile:)} write, published by the junit plugin's
 * {@code junit} step as the build's test results, as the docs tell users to do. junit and the plugins it needs are
 * not in ../shared/jenkins: {@code it/jenkins/build-junit-plugins.sh} builds them from the jenkinsci sources, and
 * this class skips, saying so, where they were not built.
 */
class JUnitPublishingIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @RegisterExtension
    static final JenkinsWithSfnLocal env = new JenkinsWithSfnLocal()
            .withExtraPlugins("it/jenkins/build-junit-plugins.sh", "junit", "junit", "checks-api", "plugin-util-api",
                    "echarts-api", "bootstrap5-api", "font-awesome-api", "jquery3-api", "prism-api",
                    "antisamy-markup-formatter", "jackson3-api", "jackson-annotations2-api", "snakeyaml-engine-api");

    /** The build's test report as the junit plugin serves it: {@code className.name=STATUS} per case. */
    private static List<String> testCases(JenkinsRest jenkins, String job, int build) throws Exception {
        JsonNode report = jenkins.json("job/" + job + "/" + build
                + "/testReport/api/json?tree=suites[cases[className,name,status]]");
        List<String> cases = new ArrayList<>();
        report.path("suites").forEach(s -> s.path("cases").forEach(c -> cases.add(
                c.path("className").asText() + "." + c.path("name").asText() + "=" + c.path("status").asText())));
        return cases;
    }

    @Test
    void sfnTestsResultsBecomeTheBuildsTestReport() throws Exception {
        JenkinsRest jenkins = env.rest();
        String job = "sfn-test-published";
        jenkins.createPipeline(job, """
                node {
                  writeFile file: 'sm/deploy.asl.json', text: '''%s'''
                  writeFile file: 'sm/deploy.mock-config.json', text: '''%s'''
                  writeFile file: 'sm/deploy.tests.json', text: '''%s'''
                  sfnTest paths: 'sm', junitFile: 'out/sfn-test.xml'
                  junit 'out/sfn-test.xml'
                }
                """.formatted(StateMachineTestsIT.DEFINITION, StateMachineTestsIT.MOCK_CONFIG,
                StateMachineTestsIT.tests("[\"Deploy\", \"Done\"]")));

        int build = jenkins.build(job);

        assertThat(jenkins.awaitResult(job, build, TIMEOUT)).as(jenkins.console(job, build)).isEqualTo("SUCCESS");
        JsonNode counts = jenkins.json("job/" + job + "/" + build + "/testReport/api/json?tree=passCount,failCount");
        assertThat(counts.path("passCount").asInt()).isEqualTo(1);
        assertThat(counts.path("failCount").asInt()).isZero();
        assertThat(testCases(jenkins, job, build)).containsExactly("deploy.HappyPath=PASSED");
    }

    @Test
    void aDeploymentWrittenAsJunitXmlIsPublishedWithOneTestCasePerState() throws Exception {
        JenkinsRest jenkins = env.rest();
        String job = "deploy-published";
        String testCase = env.examples().example("blue-green").firstTestCase("SUCCEEDED", false);
        jenkins.createPipeline(job, """
                node {
                  %s {
                    sfnExecute stateMachine: '%s#%s', input: '''%s''', buildMetadata: false, junitFile: 'reports/deploy.xml'
                  }
                  junit 'reports/deploy.xml'
                }
                """.formatted(env.withStepFunctions(), env.stateMachineArn("blue-green"), testCase,
                env.examples().example("blue-green").input()));

        int build = jenkins.build(job);

        assertThat(jenkins.awaitResult(job, build, TIMEOUT)).as(jenkins.console(job, build)).isEqualTo("SUCCESS");
        List<String> cases = testCases(jenkins, job, build);
        assertThat(cases).isNotEmpty().allSatisfy(c -> assertThat(c).startsWith("blue-green.").endsWith("=PASSED"));
        assertThat(cases.size()).as("one case per state the deployment entered, as ExecutionJUnit writes them")
                .isEqualTo(jenkins.json("job/" + job + "/" + build + "/testReport/api/json?tree=passCount")
                        .path("passCount").asInt());
    }
}
