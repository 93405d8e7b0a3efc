package io.jenkins.plugins.stepfunctions.it.freestyle;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.it.harness.Consoles;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsRest;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsWithSfnLocal;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A freestyle job with the Step Functions build step, configured through {@code config.xml} as an
 * administrator or a job-DSL script writes it (only the fields they care about, {@code ${VAR}} in them), and
 * through the job's configuration form as the browser submits it ({@code POST configSubmit}).
 */
class FreestyleIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @RegisterExtension
    static final JenkinsWithSfnLocal env = new JenkinsWithSfnLocal();

    @Test
    void freestyleJobFromConfigXmlDeploysWithBuildParametersExpandedAndItsConfigPageRenders() throws Exception {
        JenkinsRest jenkins = env.rest();
        String job = "freestyle-blue-green";
        String input = env.examples().example("blue-green").input();
        jenkins.createItem(job, """
                <project>
                  <properties>
                    <hudson.model.ParametersDefinitionProperty>
                      <parameterDefinitions>
                        <hudson.model.StringParameterDefinition>
                          <name>TEST_CASE</name>
                          <defaultValue>HappyPath</defaultValue>
                        </hudson.model.StringParameterDefinition>
                      </parameterDefinitions>
                    </hudson.model.ParametersDefinitionProperty>
                  </properties>
                  <builders>
                    <io.jenkins.plugins.stepfunctions.plugin.freestyle.StepFunctionsBuilder plugin="aws-step-functions">
                      <stateMachine>%s#${TEST_CASE}</stateMachine>
                      <region>us-east-1</region>
                      <endpoint>%s</endpoint>
                      <launch>
                        <input>%s</input>
                        <buildMetadata>false</buildMetadata>
                      </launch>
                    </io.jenkins.plugins.stepfunctions.plugin.freestyle.StepFunctionsBuilder>
                  </builders>
                </project>
                """.formatted(env.stateMachineArn("blue-green"), env.sfn().endpoint(), JenkinsRest.xmlEscape(input)));

        int build = jenkins.buildWithParameters(job, "TEST_CASE=HappyPath");

        assertThat(jenkins.awaitResult(job, build, TIMEOUT)).as(jenkins.console(job, build)).isEqualTo("SUCCESS");
        String console = jenkins.console(job, build);
        assertThat(console).contains("stateMachine:blue-green#HappyPath").doesNotContain("${TEST_CASE}");
        String arn = Consoles.startedExecution(console);
        assertThat(Consoles.enteredStates(console))
                .containsExactlyInAnyOrderElementsOf(env.sfn().enteredStatesOutsideMapIterations(arn));
        assertThat(jenkins.page("job/" + job + "/configure")).contains("${TEST_CASE}");
    }

    @Test
    void freestyleJobConfiguredThroughItsFormDeploysAndTheFormShowsWhatWasSaved() throws Exception {
        JenkinsRest jenkins = env.rest();
        String job = "freestyle-form";
        jenkins.createItem(job, "<project/>");
        String testCase = env.examples().example("blue-green").firstTestCase("SUCCEEDED", false);
        // what the browser posts: the form as one JSON document, each describable named by its stapler-class
        ObjectMapper json = new ObjectMapper();
        ObjectNode form = json.createObjectNode();
        form.put("description", "deploys blue/green through the form");
        form.put("enable", true);   // the form's "Enabled" toggle: without it Jenkins saves the job disabled
        ObjectNode builder = form.putObject("builder");
        builder.put("stapler-class", "io.jenkins.plugins.stepfunctions.plugin.freestyle.StepFunctionsBuilder");
        builder.put("$class", "io.jenkins.plugins.stepfunctions.plugin.freestyle.StepFunctionsBuilder");
        builder.put("stateMachine", env.stateMachineArn("blue-green") + "#" + testCase);
        builder.put("region", "us-east-1");
        builder.put("endpoint", env.sfn().endpoint().toString());
        builder.put("input", env.examples().example("blue-green").input());
        builder.put("buildMetadata", false);
        builder.put("propagate", true);
        builder.put("stopOnAbort", true);
        builder.put("renderStyle", "plain");
        builder.put("waitMode", "poll");
        builder.put("timeoutMinutes", 10);

        JenkinsRest.Response saved = jenkins.postForm("job/" + job + "/configSubmit",
                Map.of("json", json.writeValueAsString(form), "Submit", "Save"));

        assertThat(saved.status()).as(saved.body()).isIn(200, 302);
        String configXml = jenkins.page("job/" + job + "/config.xml");
        assertThat(configXml).contains("<io.jenkins.plugins.stepfunctions.plugin.freestyle.StepFunctionsBuilder",
                "<stateMachine>" + env.stateMachineArn("blue-green") + "#" + testCase + "</stateMachine>",
                "<timeoutMinutes>10</timeoutMinutes>");
        int build = jenkins.build(job);
        assertThat(jenkins.awaitResult(job, build, TIMEOUT)).as(jenkins.console(job, build)).isEqualTo("SUCCESS");
        assertThat(jenkins.page("job/" + job + "/configure")).contains(env.stateMachineArn("blue-green") + "#" + testCase);
    }
}
