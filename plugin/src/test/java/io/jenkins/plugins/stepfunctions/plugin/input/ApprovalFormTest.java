package io.jenkins.plugins.stepfunctions.plugin.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.bridge.approval.Decision;
import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import io.jenkins.plugins.stepfunctions.plugin.input.ApprovalForm.Field;
import io.jenkins.plugins.stepfunctions.plugin.input.ApprovalForm.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApprovalFormTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:deploy:run-1";

    private static PendingApproval approval(String state, long eventId, String executionArn, String parametersJson)
            throws Exception {
        JsonNode parameters = parametersJson == null ? null : JSON.readTree(parametersJson);
        return new PendingApproval(executionArn + "#" + eventId, executionArn, state, eventId,
                PendingApproval.Source.CONVENTION, "Promote?", List.of("bob"), parameters, Map.of(),
                Instant.EPOCH, null, 0, null, null, null);
    }

    @Test
    void inputIdIsUrlSafeCapitalisedStableAndDiffersBetweenExecutions() throws Exception {
        String id = ApprovalForm.inputId(approval("approve prod/eu #1", 27, ARN, null));

        assertThat(id).matches("[A-Za-z0-9._~-]+").startsWith("Approve-prod-eu--1-27-");
        assertThat(ApprovalForm.inputId(approval("approve prod/eu #1", 27, ARN, null))).isEqualTo(id);
        assertThat(ApprovalForm.inputId(approval("approve prod/eu #1", 27, ARN + "-other", null))).isNotEqualTo(id);
        assertThat(ApprovalForm.inputId(approval("approve prod/eu #1", 28, ARN, null))).isNotEqualTo(id);
    }

    @Test
    void parametersBecomeFieldsByTheirJsonTypeAndACommentFieldIsAdded() throws Exception {
        List<Field> fields = ApprovalForm.fields(approval("Approve", 5, ARN,
                "{\"ticket\": \"CHG-1\", \"skipCanary\": false, \"region\": [\"eu-west-1\", \"us-east-1\"],"
                        + " \"percent\": 10, \"extra\": {\"a\": 1}}"));

        assertThat(fields).containsExactly(
                new Field("ticket", Kind.STRING, "CHG-1", List.of()),
                new Field("skipCanary", Kind.BOOLEAN, "false", List.of()),
                new Field("region", Kind.CHOICE, "eu-west-1", List.of("eu-west-1", "us-east-1")),
                new Field("percent", Kind.NUMBER, "10", List.of()),
                new Field("extra", Kind.JSON, "{\"a\":1}", List.of()),
                new Field("comment", Kind.TEXT, "", List.of()));
    }

    @Test
    void submittedValuesGoBackWithTheirJsonTypesAndTheCommentSeparately() throws Exception {
        PendingApproval approval = approval("Approve", 5, ARN,
                "{\"ticket\": \"\", \"skipCanary\": false, \"percent\": 10, \"extra\": {}}");

        Decision decision = ApprovalForm.decision(approval, true, "bob", Map.of("ticket", "CHG-9", "skipCanary", true,
                "percent", "25", "extra", "{\"b\": [1]}", "comment", "looks good"));

        assertThat(decision.approved()).isTrue();
        assertThat(decision.approver()).isEqualTo("bob");
        assertThat(decision.comment()).isEqualTo("looks good");
        assertThat(decision.parameters()).isEqualTo(JSON.readTree(
                "{\"ticket\": \"CHG-9\", \"skipCanary\": true, \"percent\": 25, \"extra\": {\"b\": [1]}}"));
    }

    @Test
    void aFormWithOnlyTheCommentHandsOverTheBareValue() throws Exception {
        Decision decision = ApprovalForm.decision(approval("Approve", 5, ARN, null), true, "bob", "ship it");

        assertThat(decision.comment()).isEqualTo("ship it");
        assertThat(decision.parameters()).as("no parameters asked, none sent").isNull();
    }

    @Test
    void aDeclaredCommentParameterIsBothTheCommentAndAParameter() throws Exception {
        Decision decision = ApprovalForm.decision(approval("Approve", 5, ARN, "{\"changeTicket\": \"\", \"comment\": \"\"}"),
                true, "bob", Map.of("changeTicket", "CHG-2", "comment", "ok"));

        assertThat(decision.comment()).isEqualTo("ok");
        assertThat(decision.parameters()).isEqualTo(JSON.readTree("{\"changeTicket\": \"CHG-2\", \"comment\": \"ok\"}"));
    }

    @Test
    void aRejectionCarriesTheRejecterAndNoParameters() throws Exception {
        Decision decision = ApprovalForm.decision(approval("Approve", 5, ARN, "{\"ticket\": \"\"}"), false, "bob", null);

        assertThat(decision.approved()).isFalse();
        assertThat(decision.approver()).isEqualTo("bob");
        assertThat(decision.parameters()).isNull();
    }
}
