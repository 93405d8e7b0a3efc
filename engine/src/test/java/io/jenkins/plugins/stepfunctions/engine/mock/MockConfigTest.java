package io.jenkins.plugins.stepfunctions.engine.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MockConfigTest {
    private final MockConfig config;

    MockConfigTest() throws Exception {
        config = new MockConfig(new ObjectMapper().readTree("{\"StateMachines\":{\"Deploy\":{\"TestCases\":{"
                + "\"Happy\":{\"Build\":\"BuildOk\",\"Ghost\":\"Missing\"}}}},\"MockedResponses\":{\"BuildOk\":{"
                + "\"0\":{\"Throw\":{\"Error\":\"Build.Flaky\",\"Cause\":\"first try\"}},"
                + "\"1-2\":{\"Return\":{\"image\":\"v2\"}}}}}"));
    }

    @Test
    void responsesAreChosenByInvocationIndexAndRange() {
        assertThat(config.response("Deploy", "Happy", "Build", 0)).get()
                .isEqualTo(new MockedResponse.Throw("Build.Flaky", "first try"));
        assertThat(config.response("Deploy", "Happy", "Build", 2)).get()
                .isInstanceOfSatisfying(MockedResponse.Return.class,
                        r -> assertThat(r.value().path("image").asText()).isEqualTo("v2"));
    }

    @Test
    void pastTheLastIndexTheLastResponseRepeats() {
        assertThat(config.response("Deploy", "Happy", "Build", 7)).get().isInstanceOf(MockedResponse.Return.class);
    }

    @Test
    void unmockedStatesAndUnknownCasesAreEmpty() {
        assertThat(config.response("Deploy", "Happy", "Test", 0)).isEmpty();
        assertThat(config.response("Deploy", "Sad", "Build", 0)).isEmpty();
        assertThat(config.response("Other", "Happy", "Build", 0)).isEmpty();
        assertThat(config.hasTestCase("Deploy", "Happy")).isTrue();
    }

    @Test
    void aReferenceToAMissingResponseSetIsExplained() {
        assertThat(config.response("Deploy", "Happy", "Ghost", 0)).get()
                .isInstanceOfSatisfying(MockedResponse.Throw.class,
                        t -> assertThat(t.cause()).contains("MockedResponses.Missing"));
    }
}
