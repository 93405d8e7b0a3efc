package io.jenkins.plugins.stepfunctions.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the recorded AWS executions whose definitions are only Pass and Choice states through the
 * dataflow functions and compares output, error and cause with what AWS recorded.
 */
class RecordedCasesTest {
    private static final String STATE_PREFIX = "^An error occurred while executing the state '[^']*' "
            + "\\(entered at the event id #\\d+\\)\\. ";

    static Stream<RecordedCase> dataflowCases() {
        return RecordedCase.all().stream().filter(RecordedCasesTest::isDataflowCase);
    }

    /**
     * Definitions made only of Pass and Choice states, whose outcome the dataflow functions decide; the
     * others (and the payload size limit) are the engine's, which ConformanceTest runs end to end.
     */
    private static boolean isDataflowCase(RecordedCase recorded) {
        for (JsonNode state : recorded.definition().get("States")) {
            String type = state.path("Type").asText();
            if (!type.equals("Pass") && !type.equals("Choice")) {
                return false;
            }
        }
        return !recorded.expected().path("error").asText("").equals("States.DataLimitExceeded");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dataflowCases")
    void matchesWhatAwsRecorded(RecordedCase recorded) {
        PassChoiceRunner.Outcome outcome = new PassChoiceRunner(recorded.definition(), recorded.input()).run();
        if ("SUCCEEDED".equals(recorded.expected().get("status").asText())) {
            assertThat(outcome.failure()).as("%s failure", recorded.id()).isNull();
            assertThat(RecordedCase.matches(recorded.expected().get("output"), outcome.output()))
                    .as("%s output %s, AWS recorded %s", recorded.id(), outcome.output(),
                            recorded.expected().get("output"))
                    .isTrue();
        } else {
            assertThat(outcome.failure()).as("%s failure", recorded.id()).isNotNull();
            assertThat(outcome.failure().error()).as(recorded.id()).isEqualTo(recorded.expected().get("error").asText());
            String cause = recorded.expected().get("cause").asText().replaceFirst(STATE_PREFIX, "");
            assertThat(outcome.failure().cause()).as(recorded.id()).isEqualTo(cause);
        }
    }
}
