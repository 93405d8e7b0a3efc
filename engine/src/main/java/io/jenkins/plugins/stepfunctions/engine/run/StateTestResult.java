package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The answer to one TestState call: how the state ended and what each data-flow stage made of its
 * input. Stages the state did not go through are null.
 *
 * @param status    {@code SUCCEEDED}, {@code FAILED}, {@code RETRIABLE} (a retrier matched the
 *                  error and has attempts left) or {@code CAUGHT_ERROR} (a catcher matched it)
 * @param nextState the state it would go to next, or null (end, failure, retry)
 */
public record StateTestResult(String status, JsonNode output, String error, String cause, String nextState,
                              Inspection inspection) {

    /**
     * @param variables  the variables after the state (those it was given and those it assigned)
     * @param retryIndex the retrier that would retry, with the seconds it would wait first
     * @param catchIndex the catcher that caught the error
     * @param request    the HTTP request an http:invoke task sent, or null
     * @param response   the HTTP response it got, or null
     */
    public record Inspection(JsonNode input, JsonNode afterInputPath, JsonNode afterParameters,
                             JsonNode afterArguments, JsonNode result, JsonNode afterResultSelector,
                             JsonNode afterResultPath, Map<String, JsonNode> variables, Integer retryIndex,
                             Integer retryBackoffIntervalSeconds, Integer catchIndex, ObjectNode request,
                             ObjectNode response) {
    }
}
