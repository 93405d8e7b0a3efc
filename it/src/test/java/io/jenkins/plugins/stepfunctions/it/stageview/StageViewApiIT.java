package io.jenkins.plugins.stepfunctions.it.stageview;

import static io.jenkins.plugins.stepfunctions.it.harness.Consoles.groovyLiteral;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.it.harness.Consoles;
import io.jenkins.plugins.stepfunctions.it.harness.Eventually;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsRest;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsWithSfnLocal;
import io.jenkins.plugins.stepfunctions.it.harness.Resources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An approval as Pipeline Stage View sees it: its REST API ({@code wfapi}, the pipeline-rest-api plugin, which
 * Stage View's page and dashboards read) lists the pending approval among the run's pending inputs with its
 * parameters, describes the run and its stage as paused for input, and its {@code proceedUrl} approves the
 * deployment in Step Functions. pipeline-rest-api and pipeline-graph-analysis are not in ../shared/jenkins:
 * {@code it/jenkins/build-wfapi-plugins.sh} builds them from the jenkinsci sources, and this class skips,
 * saying so, where they were not built.
 */
class StageViewApiIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final JenkinsWithSfnLocal env = new JenkinsWithSfnLocal()
            .withExtraPlugins("it/jenkins/build-wfapi-plugins.sh", "wfapi", "pipeline-graph-analysis", "pipeline-rest-api")
            .withInitScript("security", Resources.text("security.groovy"));

    private static JenkinsRest as(String user) {
        return env.rest().as(user, user + "-Secret-2026");
    }

    /** Stage View's list of the run's pending inputs, once it lists one. */
    private static JsonNode awaitPendingInput(String job, int build) throws InterruptedException {
        return Eventually.value(TIMEOUT, "a pending input in wfapi of " + job + " #" + build, () -> {
            JsonNode pending = as("admin").json("job/" + job + "/" + build + "/wfapi/pendingInputActions");
            return pending != null && pending.size() == 1 ? pending.get(0) : null;
        });
    }

    @Test
    void theApprovalIsAPendingInputOfStageViewsApiAndItsProceedUrlApprovesTheDeployment() throws Exception {
        String job = "stage-view";
        as("admin").createPipeline(job, """
                stage('Release') {
                  %s {
                    def r = sfnExecute(stateMachine: '%s#HappyPath', input: %s, buildMetadata: false)
                    echo "RESULT status=${r.status}"
                  }
                }
                """.formatted(env.withStepFunctions(), env.stateMachineArn("approval-flow"),
                groovyLiteral(env.examples().example("approval-flow").input())));
        int build = as("admin").build(job);

        JsonNode input = awaitPendingInput(job, build);

        assertThat(input.path("id").asText()).startsWith("RequestProductionApproval-");
        assertThat(input.path("message").asText()).isNotBlank();
        List<String> parameters = new ArrayList<>();
        input.path("inputs").forEach(p -> parameters.add(p.path("name").asText()));
        assertThat(parameters).contains("changeTicket");
        JsonNode run = as("admin").json("job/" + job + "/" + build + "/wfapi/describe");
        assertThat(run.path("status").asText()).isEqualTo("PAUSED_PENDING_INPUT");
        assertThat(run.path("stages").get(0).path("name").asText()).isEqualTo("Release");
        assertThat(run.path("stages").get(0).path("status").asText()).isEqualTo("PAUSED_PENDING_INPUT");

        String proceedUrl = input.path("proceedUrl").asText().replaceFirst("^/", "");
        String form = JSON.writeValueAsString(Map.of("parameter", List.of(
                Map.of("name", "changeTicket", "value", "CHG-2026"),
                Map.of("name", "comment", "value", "approved from Stage View"))));
        JenkinsRest.Response proceed = as("bob").postForm(proceedUrl, Map.of("json", form));

        assertThat(proceed.status()).as(proceed.body()).isIn(200, 302);
        assertThat(as("admin").awaitResult(job, build, TIMEOUT)).isEqualTo("SUCCESS");
        String console = as("admin").console(job, build);
        assertThat(console).contains("Approved by bob: SendTaskSuccess sent").contains("RESULT status=SUCCEEDED");
        assertThat(env.sfn().enteredStates(Consoles.startedExecution(console))).contains("DeployToProduction");
        assertThat(as("admin").json("job/" + job + "/" + build + "/wfapi/pendingInputActions")).isEmpty();
        assertThat(as("admin").json("job/" + job + "/" + build + "/wfapi/describe").path("status").asText())
                .isEqualTo("SUCCESS");
    }

    @Test
    void aUserOutsideTheSubmittersCannotApproveThroughStageViewsApi() throws Exception {
        String job = "stage-view-refused";
        as("admin").createPipeline(job, """
                %s {
                  sfnExecute(stateMachine: '%s#HappyPath', input: %s, buildMetadata: false)
                }
                """.formatted(env.withStepFunctions(), env.stateMachineArn("approval-flow"),
                groovyLiteral(env.examples().example("approval-flow").input())));
        int build = as("admin").build(job);
        JsonNode input = awaitPendingInput(job, build);

        JenkinsRest.Response refused = as("mallory").postForm(input.path("proceedUrl").asText().replaceFirst("^/", ""),
                Map.of("json", JSON.writeValueAsString(Map.of("parameter", List.of()))));

        assertThat(refused.status()).as("mallory may build but is not a submitter").isGreaterThanOrEqualTo(400);
        assertThat(as("admin").json("job/" + job + "/" + build + "/wfapi/pendingInputActions")).hasSize(1);
        as("admin").post("job/" + job + "/" + build + "/stop", null, "");
        assertThat(as("admin").awaitResult(job, build, TIMEOUT)).isEqualTo("ABORTED");
    }
}
