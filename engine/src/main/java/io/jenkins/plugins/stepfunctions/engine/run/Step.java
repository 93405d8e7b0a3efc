package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;

/** What a state hands its graph when it is done: go on, stop with an output, or fail. */
sealed interface Step {
    record Next(String state, JsonNode input) implements Step {
    }

    record End(JsonNode output) implements Step {
    }

    /** @param previousEventId the event the failure follows (ExecutionFailed, a parent's *StateFailed) */
    record Failed(StatesException error, long previousEventId) implements Step {
    }
}
