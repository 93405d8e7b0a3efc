package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.asl.State;

/** What a state hands its graph when it is done: go on, stop with an output, or fail. */
sealed interface Step {
    /** @param state the state to run next, resolved from its name (null when the name is unknown) */
    record Next(State state, JsonNode input) implements Step {
    }

    record End(JsonNode output) implements Step {
    }

    /** @param previousEventId the event the failure follows (ExecutionFailed, a parent's *StateFailed) */
    record Failed(StatesException error, long previousEventId) implements Step {
    }
}
