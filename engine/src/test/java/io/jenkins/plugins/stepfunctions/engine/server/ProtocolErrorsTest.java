package io.jenkins.plugins.stepfunctions.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the server answers to requests no SDK would send: AWS's protocol errors, never a crash. */
class ProtocolErrorsTest {
    private final TestEngine running = TestEngine.startServer();
    private final ObjectMapper mapper = new ObjectMapper();

    @AfterEach
    void stop() {
        running.close();
    }

    private JsonNode errorOf(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        return mapper.readTree(response.body());
    }

    @Test
    void unknownTargetIsUnknownOperationListingTheOperations() throws Exception {
        HttpResponse<String> response = running.post("AWSStepFunctions.DescribeEverything", "{}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = errorOf(response);
        assertThat(error.get("__type").asText()).endsWith("#UnknownOperationException");
        assertThat(error.get("message").asText()).contains("DescribeEverything").contains("StartExecution");
    }

    @Test
    void missingTargetHeaderSaysHowToSetIt() throws Exception {
        HttpResponse<String> response = running.post(null, "{}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorOf(response).get("message").asText()).contains("X-Amz-Target: AWSStepFunctions.<Operation>");
    }

    @Test
    void malformedJsonIsSerializationExceptionWithItsPosition() throws Exception {
        HttpResponse<String> response = running.post("AWSStepFunctions.ListStateMachines", "{\"maxResults\": 1,");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = errorOf(response);
        assertThat(error.get("__type").asText()).endsWith("#SerializationException");
        assertThat(error.get("message").asText()).contains("line 1");
    }

    @Test
    void bodyThatIsNotAnObjectIsSerializationException() throws Exception {
        JsonNode error = errorOf(running.post("AWSStepFunctions.ListStateMachines", "[1, 2]"));
        assertThat(error.get("__type").asText()).endsWith("#SerializationException");
        assertThat(error.get("message").asText()).contains("must be a JSON object");
    }

    @Test
    void memberOfTheWrongTypeIsSerializationExceptionNamingTheField() throws Exception {
        JsonNode error = errorOf(running.post("AWSStepFunctions.ListStateMachines", "{\"maxResults\": \"ten\"}"));
        assertThat(error.get("__type").asText()).endsWith("#SerializationException");
        assertThat(error.get("message").asText()).contains("maxResults");
    }

    @Test
    void emptyBodyIsTakenAsEmptyRequest() throws Exception {
        HttpResponse<String> response = running.post("AWSStepFunctions.ListStateMachines", "");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(response.body()).get("stateMachines").size()).isZero();
    }

    @Test
    void getOnTheEndpointExplainsWhatItServes() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(running.server().endpoint()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("X-Amz-Target");
    }

    @Test
    void deeplyNestedBodyIsRefusedWithoutHarm() throws Exception {
        String nested = "{\"input\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        HttpResponse<String> response = running.post("AWSStepFunctions.StartExecution", nested);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorOf(response).get("__type").asText()).endsWith("#SerializationException");
        String sm = running.sfn().createStateMachine(b -> b.name("X").definition(Definitions.PASS).roleArn(Definitions.ROLE))
                .stateMachineArn();
        String nestedInput = "{\"stateMachineArn\": \"" + sm + "\", \"input\": \"" + "[".repeat(100_000) + "\"}";
        HttpResponse<String> refused = running.post("AWSStepFunctions.StartExecution", nestedInput);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(errorOf(refused).get("__type").asText()).endsWith("#InvalidExecutionInput");
        assertThat(running.sfn().listExecutions(b -> b.stateMachineArn(sm)).executions()).isEmpty();
    }

    @Test
    void serverKeepsServingAfterBadRequests() throws Exception {
        for (int i = 0; i < 20; i++) {
            running.post("AWSStepFunctions.StartExecution", "{not json");
            running.post("Nope", "{}");
        }
        assertThat(running.sfn().listStateMachines().stateMachines()).isEmpty();
    }
}
