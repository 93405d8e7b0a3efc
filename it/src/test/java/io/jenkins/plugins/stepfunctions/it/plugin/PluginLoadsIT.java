package io.jenkins.plugins.stepfunctions.it.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsRest;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsWithSfnLocal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The packaged .hpi in a real controller: loaded with its dependencies, its steps offered, its pages rendered. */
class PluginLoadsIT {
    private static final Map<String, String> STEPS = Map.of(
            "withStepFunctions", "WithStepFunctionsStep",
            "sfnExecute", "SfnExecuteStep",
            "sfnStart", "SfnStartStep",
            "sfnAwait", "SfnAwaitStep",
            "sfnSendTaskSuccess", "SfnSendTaskSuccessStep",
            "sfnSendTaskFailure", "SfnSendTaskFailureStep",
            "sfnValidate", "SfnValidateStep",
            "sfnTest", "SfnTestStep");

    @RegisterExtension
    static final JenkinsWithSfnLocal env = new JenkinsWithSfnLocal();

    @Test
    void pluginIsActiveWithEveryDependencySatisfied() throws Exception {
        JsonNode plugins = env.rest().json("pluginManager/api/json?depth=2&tree=plugins[shortName,active,enabled,"
                + "dependencies[shortName,optional]]").get("plugins");
        JsonNode ours = null;
        List<String> active = new ArrayList<>();
        for (JsonNode plugin : plugins) {
            if (plugin.get("active").asBoolean()) {
                active.add(plugin.get("shortName").asText());
            }
            if (plugin.get("shortName").asText().equals("aws-step-functions")) {
                ours = plugin;
            }
        }
        assertThat(ours).as("aws-step-functions is installed").isNotNull();
        assertThat(ours.get("active").asBoolean()).as("and active (a missing dependency would leave it inactive)").isTrue();
        List<String> dependencies = new ArrayList<>();
        ours.get("dependencies").forEach(d -> dependencies.add(d.get("shortName").asText()));
        assertThat(dependencies).contains("aws-java-sdk2-core", "aws-credentials", "workflow-step-api");
        assertThat(active).containsAll(dependencies);
    }

    @Test
    void snippetGeneratorListsTheSevenStepsAndEveryStepHelpRenders() throws Exception {
        JenkinsRest jenkins = env.rest();
        String snippetizer = jenkins.page("pipeline-syntax/");
        for (Map.Entry<String, String> step : STEPS.entrySet()) {
            assertThat(snippetizer).as("the Snippet Generator offers " + step.getKey()).contains(step.getKey() + ":");
            String help = jenkins.page("descriptorByName/io.jenkins.plugins.stepfunctions.plugin.steps."
                    + step.getValue() + "/help");
            assertThat(help).as("help of " + step.getKey()).isNotBlank();
        }
    }

    @Test
    void freestyleBuilderHelpRenders() throws Exception {
        assertThat(env.rest().page("descriptorByName/io.jenkins.plugins.stepfunctions.plugin.freestyle.StepFunctionsBuilder/help"))
                .isNotBlank();
    }

    @Test
    void byDefaultBuildsMayNotActAsTheControllerUntilAnAdministratorSavesTheOptInOnTheSystemPage() throws Exception {
        JenkinsRest jenkins = env.rest();
        String job = "controller-identity";
        jenkins.createPipeline(job, """
                withStepFunctions(region: 'us-east-1') {
                  sfnStart(stateMachine: 'arn:aws:states:us-east-1:123456789012:stateMachine:nowhere')
                }
                """);
        int refused = jenkins.build(job);
        assertThat(jenkins.awaitResult(job, refused, Duration.ofMinutes(1))).isEqualTo("FAILURE");
        assertThat(jenkins.console(job, refused))
                .contains("credentialsId: none given, and builds may not use the controller's own AWS identity")
                .contains("Manage Jenkins > System > AWS Step Functions")
                .doesNotContain("\tat io.jenkins");

        String system = jenkins.page("manage/configure");
        assertThat(system).contains("AWS Step Functions").contains("Builds may use the controller").contains("Builds may use any endpoint");
        // as administrators script it (the System form itself needs every other section's fields as well)
        JenkinsRest.Response saved = jenkins.postForm("scriptText", Map.of("script",
                "jenkins.model.GlobalConfiguration.all().get(io.jenkins.plugins.stepfunctions.plugin.connect"
                        + ".StepFunctionsGlobalConfiguration).allowControllerIdentity = true"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(jenkins.page("manage/configure")).as("the System page shows the saved choice")
                .containsPattern("name=\"_.allowControllerIdentity\"[^>]*checked|checked[^>]*name=\"_.allowControllerIdentity\"");
        assertThat(Files.readString(env.jenkins().home()
                .resolve("io.jenkins.plugins.stepfunctions.plugin.connect.StepFunctionsGlobalConfiguration.xml")))
                .contains("<allowControllerIdentity>true</allowControllerIdentity>");

        int allowed = jenkins.build(job);
        jenkins.awaitResult(job, allowed, Duration.ofMinutes(1));
        assertThat(jenkins.console(job, allowed)).as("past the rule, the SDK's default chain is asked (and has nothing here)")
                .doesNotContain("builds may not use the controller's own AWS identity");
    }
}
