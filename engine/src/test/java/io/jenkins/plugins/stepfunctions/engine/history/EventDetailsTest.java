package io.jenkins.plugins.stepfunctions.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventDetailsTest {
    @Test
    void stateExitedCarriesOutputAndAssignedVariablesWithTruncationCompanions() {
        assertThat(EventDetails.stateExited("A", "{}", Map.of("x", "1")).toString()).isEqualTo(
                "{\"name\":\"A\",\"output\":\"{}\",\"outputDetails\":{\"truncated\":false},"
                        + "\"assignedVariables\":{\"x\":\"1\"},\"assignedVariablesDetails\":{\"truncated\":false}}");
        assertThat(EventDetails.stateExited("A", "{}", null).has("assignedVariables")).isFalse();
    }

    @Test
    void taskScheduledKeepsParametersAsJsonTextAndLeavesAbsentLimitsOut() {
        var d = EventDetails.taskScheduled("lambda", "invoke", "us-east-1", "{\"a\":1}", null, 30L);
        assertThat(d.path("parameters").asText()).isEqualTo("{\"a\":1}");
        assertThat(d.has("timeoutInSeconds")).isFalse();
        assertThat(d.path("heartbeatInSeconds").asLong()).isEqualTo(30);
    }

    @Test
    void errorCauseLeavesOutWhatIsUnknown() {
        assertThat(EventDetails.errorCause("E", null).toString()).isEqualTo("{\"error\":\"E\"}");
    }
}
