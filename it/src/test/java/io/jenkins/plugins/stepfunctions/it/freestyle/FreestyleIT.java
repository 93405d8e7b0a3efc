package io.jenkins.plugins.stepfunctions.it.freestyle;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.it.harness.Consoles;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsRest;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsWithSfnLocal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A freestyle job with the Step Functions build step, configured through {@code config.xml} as an
 * administrator or a job-DSL script writes it: only the fields they care about, {@code ${VAR}} in them.
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
}
