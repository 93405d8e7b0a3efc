package io.jenkins.plugins.stepfunctions.it.approvals;

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
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * The approval of {@code examples/approval-flow} answered through Jenkins' {@code input} step, the way people,
 * chat bots and release dashboards answer it: {@code POST /job/J/N/input/ID/proceed} with the form's values and
 * {@code .../abort}, as a user among the approval's submitters; refused to a user outside them; withdrawn when
 * it is answered elsewhere; still there, under the same id, after a restart. Jenkins runs with its own user
 * database and matrix-based security (see security.groovy).
 */
class ApprovalInputIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final JenkinsWithSfnLocal env = new JenkinsWithSfnLocal()
            .withInitScript("security", Resources.text("security.groovy"))
            .withStateMachine("two-approvals", Resources.text("statemachines/two-approvals.asl.json"))
            // a test case that mocks nothing: the approval tasks wait for their tokens, no Lambda is called
            .withMockConfig("{\"StateMachines\": {\"two-approvals\": {\"TestCases\": {\"Live\": {}}}}}");

    private static JenkinsRest as(String user) {
        return env.rest().as(user, user + "-Secret-2026");
    }

    /** A job deploying approval-flow's test case; propagate: false, so that a rejection is a result, not an error. */
    private static String deployJob(String job, String testCase) throws Exception {
        as("admin").createPipeline(job, """
                %s {
                  def r = sfnExecute(stateMachine: '%s#%s', input: %s, buildMetadata: false, propagate: false)
                  echo "RESULT status=${r.status} error=${r.error}"
                }
                """.formatted(env.withStepFunctions(), env.stateMachineArn("approval-flow"), testCase,
                groovyLiteral(env.examples().example("approval-flow").input())));
        return job;
    }

    /** The ids of the build's pending inputs, as Jenkins' API lists them (InputAction's executions). */
    private static List<String> pendingInputs(String job, int build) throws Exception {
        JsonNode run = as("admin").json("job/" + job + "/" + build + "/api/json?tree=actions[_class,executions[id]]");
        List<String> ids = new ArrayList<>();
        for (JsonNode action : run.path("actions")) {
            action.path("executions").forEach(e -> ids.add(e.path("id").asText()));
        }
        return ids;
    }

    private static String awaitOneInput(String job, int build) throws InterruptedException {
        return Eventually.value(TIMEOUT, "an input on " + job + " #" + build, () -> {
            List<String> ids = pendingInputs(job, build);
            return ids.size() == 1 ? ids.get(0) : null;
        });
    }

    private static String proceedForm(Map<String, String> values) throws Exception {
        List<Map<String, String>> parameters = new ArrayList<>();
        values.forEach((name, value) -> parameters.add(Map.of("name", name, "value", value)));
        return JSON.writeValueAsString(Map.of("parameter", parameters));
    }

    /** What the approval task returned to the execution (its TaskSucceeded output), or null. */
    private static JsonNode approvalAnswer(String executionArn) throws Exception {
        for (HistoryEvent e : env.sfn().history(executionArn)) {
            if (e.type() == HistoryEventType.TASK_SUCCEEDED && e.taskSucceededEventDetails().output().contains("approved")) {
                return JSON.readTree(e.taskSucceededEventDetails().output());
            }
        }
        return null;
    }

    @Test
    void proceedThroughTheInputRestApiSendsTheApproverAndParametersAndTheDeploymentReachesProduction() throws Exception {
        String job = deployJob("approve-by-input", "HappyPath");
        int build = as("admin").build(job);
        String id = awaitOneInput(job, build);
        assertThat(id).startsWith("RequestProductionApproval-");

        JenkinsRest.Response proceed = as("bob").postForm("job/" + job + "/" + build + "/input/" + id + "/proceed",
                Map.of("json", proceedForm(Map.of("changeTicket", "CHG-4711", "comment", "staging dashboards clean"))));

        assertThat(proceed.status()).as(proceed.body()).isIn(200, 302);
        assertThat(as("admin").awaitResult(job, build, TIMEOUT)).isEqualTo("SUCCESS");
        String console = as("admin").console(job, build);
        assertThat(console).contains("Input requested").contains("Approved by bob: SendTaskSuccess sent")
                .contains("RESULT status=SUCCEEDED");
        String arn = Consoles.startedExecution(console);
        assertThat(env.sfn().enteredStates(arn)).contains("ApprovalGranted", "DeployToProduction", "Released");
        JsonNode answer = approvalAnswer(arn);
        assertThat(answer.path("approved").asBoolean()).isTrue();
        assertThat(answer.path("approver").asText()).isEqualTo("bob");
        assertThat(answer.path("comment").asText()).isEqualTo("staging dashboards clean");
        assertThat(answer.path("parameters").path("changeTicket").asText()).isEqualTo("CHG-4711");
        assertThat(pendingInputs(job, build)).isEmpty();
    }

    @Test
    void abortRejectsTheApprovalAndTheBuildFollowsTheRejectionPathWithoutBeingAborted() throws Exception {
        String job = deployJob("reject-by-input", "Rejected");
        int build = as("admin").build(job);
        String id = awaitOneInput(job, build);

        JenkinsRest.Response abort = as("bob").post("job/" + job + "/" + build + "/input/" + id + "/abort", null, "");

        assertThat(abort.status()).as(abort.body()).isIn(200, 302);
        assertThat(as("admin").awaitResult(job, build, TIMEOUT)).as("the build is not aborted").isEqualTo("SUCCESS");
        String console = as("admin").console(job, build);
        assertThat(console).contains("Rejected by bob: SendTaskFailure Approval.Rejected sent")
                .contains("RESULT status=FAILED error=Release.Rejected");
        assertThat(env.sfn().enteredStates(Consoles.startedExecution(console))).contains("NotifyRejected", "Rejected");
    }

    @Test
    void aUserOutsideTheSubmittersIsRefusedAndASecondAnswerTooAndTheInputStaysForAnAllowedOne() throws Exception {
        String job = deployJob("submitters", "HappyPath");
        int build = as("admin").build(job);
        String id = awaitOneInput(job, build);
        String inputUrl = "job/" + job + "/" + build + "/input/" + id + "/";

        JenkinsRest.Response refused = as("mallory").postForm(inputUrl + "proceed", Map.of("json", proceedForm(Map.of())));
        JenkinsRest.Response withoutCrumb = as("bob").postWithoutCrumb(inputUrl + "proceedEmpty");

        assertThat(refused.status()).as("mallory may build jobs but is not a submitter: the input step's Failure")
                .isEqualTo(400);
        assertThat(refused.body()).contains("You need to be release-approvers,alice,bob to submit this");
        assertThat(withoutCrumb.status()).as("CSRF protection").isEqualTo(403);
        assertThat(pendingInputs(job, build)).containsExactly(id);

        assertThat(as("bob").postForm(inputUrl + "proceed", Map.of("json", proceedForm(Map.of()))).status()).isIn(200, 302);
        assertThat(as("bob").postForm(inputUrl + "proceed", Map.of("json", proceedForm(Map.of()))).status())
                .as("the input is gone once answered").isEqualTo(404);
        assertThat(as("admin").awaitResult(job, build, TIMEOUT)).isEqualTo("SUCCESS");
    }

    @Test
    void anApprovalAnsweredElsewhereIsWithdrawnFromTheInputsWithoutAbortingTheBuild() throws Exception {
        String job = deployJob("answered-elsewhere", "HappyPath");
        int build = as("admin").build(job);
        awaitOneInput(job, build);
        String arn = Consoles.startedExecution(as("admin").console(job, build));
        String token = taskToken(arn);

        // as the approvals Lambda, a chat bot or `sfn approve` would answer it, behind Jenkins' back
        env.sfn().client().sendTaskSuccess(b -> b.taskToken(token)
                .output("{\"approved\": true, \"approver\": \"carol\", \"comment\": \"from chat\"}"));

        assertThat(as("admin").awaitResult(job, build, TIMEOUT)).isEqualTo("SUCCESS");
        String console = as("admin").console(job, build);
        assertThat(console).contains("withdrawn (answered elsewhere (TaskSucceeded))").doesNotContain("Aborted by")
                .contains("RESULT status=SUCCEEDED");
        assertThat(pendingInputs(job, build)).isEmpty();
    }

    @Test
    void aPendingInputIsAskedAgainAfterARestartUnderTheSameIdAndAnsweredOnce() throws Exception {
        String job = deployJob("restart-input", "HappyPath");
        int build = as("admin").build(job);
        String id = awaitOneInput(job, build);

        env.jenkins().restart();

        assertThat(awaitOneInput(job, build)).isEqualTo(id);
        assertThat(as("bob").postForm("job/" + job + "/" + build + "/input/" + id + "/proceed",
                Map.of("json", proceedForm(Map.of("changeTicket", "CHG-1")))).status()).isIn(200, 302);
        assertThat(as("admin").awaitResult(job, build, TIMEOUT)).isEqualTo("SUCCESS");
        String console = as("admin").console(job, build);
        assertThat(console.split("Approved by bob: SendTaskSuccess sent", -1)).as("answered once").hasSize(2);
        String arn = Consoles.startedExecution(console);
        assertThat(Consoles.enteredStates(console)).as("no event printed twice across the restart")
                .containsExactlyElementsOf(env.sfn().enteredStatesOutsideMapIterations(arn));
        assertThat(pendingInputs(job, build)).isEmpty();
    }

    @Test
    void twoApprovalsAtOnceAreTwoInputsAndOneThatTimesOutIsWithdrawn() throws Exception {
        String job = "two-approvals";
        as("admin").createPipeline(job, """
                %s {
                  def r = sfnExecute(stateMachine: '%s#Live', input: '{}', buildMetadata: false, propagate: false)
                  echo "RESULT status=${r.status}"
                }
                """.formatted(env.withStepFunctions(), env.stateMachineArn("two-approvals")));
        int build = as("admin").build(job);
        List<String> ids = Eventually.value(TIMEOUT, "two inputs", () -> {
            List<String> pending = pendingInputs(job, build);
            return pending.size() == 2 ? pending : null;
        });
        assertThat(ids).anyMatch(id -> id.startsWith("ApproveEu-")).anyMatch(id -> id.startsWith("ApproveUs-"));
        String eu = ids.stream().filter(id -> id.startsWith("ApproveEu-")).findFirst().orElseThrow();

        assertThat(as("bob").postForm("job/" + job + "/" + build + "/input/" + eu + "/proceed",
                Map.of("json", proceedForm(Map.of("comment", "eu ok")))).status()).isIn(200, 302);

        assertThat(as("admin").awaitResult(job, build, TIMEOUT)).isEqualTo("SUCCESS");
        String console = as("admin").console(job, build);
        assertThat(console).contains("Approved by bob: SendTaskSuccess sent")
                .containsPattern("Input ApproveUs-\\S+ withdrawn \\(timed out\\)")
                .contains("RESULT status=SUCCEEDED");
        assertThat(pendingInputs(job, build)).isEmpty();
    }

    @Test
    void anExecutionStoppedElsewhereWithdrawsItsInputsAndTheBuildEndsAsTheExecution() throws Exception {
        String job = "stopped-elsewhere";
        as("admin").createPipeline(job, """
                %s {
                  def r = sfnExecute(stateMachine: '%s#Live', input: '{}', buildMetadata: false, propagate: false)
                  echo "RESULT status=${r.status}"
                }
                """.formatted(env.withStepFunctions(), env.stateMachineArn("two-approvals")));
        int build = as("admin").build(job);
        Eventually.value(TIMEOUT, "two inputs", () -> pendingInputs(job, build).size() == 2 ? true : null);
        String arn = Consoles.startedExecution(as("admin").console(job, build));

        env.sfn().client().stopExecution(b -> b.executionArn(arn).error("Release.Cancelled").cause("from the console"));

        assertThat(as("admin").awaitResult(job, build, TIMEOUT)).isEqualTo("SUCCESS");
        String console = as("admin").console(job, build);
        assertThat(console).contains("withdrawn (the execution ended (Aborted))").contains("RESULT status=ABORTED")
                .doesNotContain("Aborted by");
        assertThat(pendingInputs(job, build)).isEmpty();
    }

    private static String taskToken(String executionArn) throws Exception {
        for (HistoryEvent e : env.sfn().history(executionArn)) {
            if (e.type() == HistoryEventType.TASK_SCHEDULED) {
                JsonNode parameters = JSON.readTree(e.taskScheduledEventDetails().parameters());
                JsonNode token = parameters.path("Payload").path("TaskToken");
                if (token.isTextual()) {
                    return token.asText();
                }
            }
        }
        throw new AssertionError("no task token in the history of " + executionArn);
    }
}
