package io.jenkins.plugins.stepfunctions.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.ApiException;
import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The API called in this process: the operations of the server, their bodies and errors, no socket. */
class EngineApiTest {
    private final ObjectMapper json = new ObjectMapper();
    private final EngineApi api = EngineApi.start(EngineConfig.defaults());

    @AfterEach
    void stop() {
        api.close();
    }

    private ObjectNode body(String text) throws Exception {
        return (ObjectNode) json.readTree(text);
    }

    @Test
    void runsAnExecutionAndReportsItsHistorySize() throws Exception {
        String machine = api.call("CreateStateMachine", body("""
                {"name":"m","roleArn":"arn:aws:iam::123456789012:role/r",
                 "definition":"{\\"StartAt\\":\\"P\\",\\"States\\":{\\"P\\":{\\"Type\\":\\"Pass\\",\\"End\\":true}}}"}"""))
                .get("stateMachineArn").asText();
        String execution = api.call("StartExecution", json.createObjectNode().put("stateMachineArn", machine).put("input", "{\"a\":1}"))
                .get("executionArn").asText();
        ObjectNode describe = json.createObjectNode().put("executionArn", execution);
        for (int i = 0; i < 1000 && api.call("DescribeExecution", describe).get("status").asText().equals("RUNNING"); i++) {
            Thread.sleep(5);
        }

        ObjectNode history = api.call("GetExecutionHistory", describe);

        assertThat(history.get("events")).hasSize(4);
        assertThat(api.historySize(execution)).isEqualTo(4);
        assertThat(api.historySize(execution.replace(":m:", ":other:"))).isEqualTo(-1);
        assertThat(api.call("DescribeExecution", describe).get("output").asText()).isEqualTo("{\"a\":1}");
    }

    @Test
    void errorsAreTheServersApiExceptions() {
        assertThatThrownBy(() -> api.call("DescribeExecution", json.createObjectNode()
                .put("executionArn", "arn:aws:states:us-east-1:123456789012:execution:m:nope")))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).type()).isEqualTo("ExecutionDoesNotExist"));
        assertThatThrownBy(() -> api.call("NoSuchThing", null))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("Unknown operation 'NoSuchThing'")
                .satisfies(e -> assertThat(((ApiException) e).type()).isEqualTo(ApiErrors.UNKNOWN_OPERATION));
    }
}
