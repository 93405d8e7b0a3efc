package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.mock.MockedResponse;

/**
 * TestState's view into one run of one state: the request's mock and retry count going in, the
 * value after each data-flow stage and the Retry/Catch decision coming out. The state runs through
 * the same {@link StateRun} and {@link TaskInvocation} code as in an execution; where an execution
 * would retry (wait, then run again), the probe notes that it would and the run ends. Written on the
 * execution's actor (the HTTP trace on the HTTP client's thread before its answer is posted there).
 */
final class StateProbe {
    final MockedResponse mock;
    final int retrierRetryCount;
    final ObjectNode context;

    JsonNode afterInputPath;
    JsonNode afterParameters;
    JsonNode afterArguments;
    JsonNode result;
    JsonNode afterResultSelector;
    JsonNode afterResultPath;
    Integer retryIndex;
    Integer retryBackoffIntervalSeconds;
    Integer catchIndex;
    /** The error a catcher caught: the state's output is the catcher's, its error still reported. */
    StatesException caught;
    /** The name of the state the tested state hands over to, whether or not the definition has it. */
    String next;
    volatile ObjectNode httpRequest;
    volatile ObjectNode httpResponse;

    StateProbe(MockedResponse mock, int retrierRetryCount, ObjectNode context) {
        this.mock = mock;
        this.retrierRetryCount = retrierRetryCount;
        this.context = context;
    }

    void retriable(int index, double delaySeconds) {
        retryIndex = index;
        retryBackoffIntervalSeconds = (int) delaySeconds;
    }

    void caught(int index, StatesException error) {
        catchIndex = index;
        caught = error;
    }
}
