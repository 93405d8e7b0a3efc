package io.jenkins.plugins.stepfunctions.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

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

    /** Cases whose outcome depends on something other than the dataflow functions are left to the engine. */
    private static boolean isDataflowCase(RecordedCase recorded) {
        String error = recorded.expected().path("error").asText("");
        return !error.equals("States.DataLimitExceeded");
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
