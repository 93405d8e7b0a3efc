package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSONata query language as AWS embeds it: strings {@code "{% expr %}"} in Arguments, Output,
 * Assign, Condition, Items, Seconds, Timestamp ... Throws StatesException
 * ({@code States.QueryEvaluationError}) with AWS's cause when an expression fails.
 * PLACEHOLDER CONTRACT: the dataflow owner implements it.
 */
public final class JsonataExpressions {
    private JsonataExpressions() {
    }

    /** Evaluates a value: a {@code {% %}} string is evaluated; objects and arrays recursively; others copied. */
    public static JsonNode resolve(JsonNode template, JsonataScope scope) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Null when every {@code {% %}} expression in {@code template} parses, otherwise the problem. */
    public static String checkSyntax(JsonNode template) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
