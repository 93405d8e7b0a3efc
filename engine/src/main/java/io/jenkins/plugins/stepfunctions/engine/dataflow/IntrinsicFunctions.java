package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The 18 intrinsic functions ({@code States.Format}, {@code States.JsonToString}, {@code States.Array},
 * {@code States.MathAdd}, {@code States.UUID} ...), nested calls included.
 * PLACEHOLDER CONTRACT: the dataflow owner implements it.
 */
public final class IntrinsicFunctions {
    private IntrinsicFunctions() {
    }

    /** Evaluates {@code expression} (e.g. {@code States.Format('{}', $.name)}). */
    public static JsonNode evaluate(String expression, PathScope scope) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Null when {@code expression} parses and names known functions, otherwise the problem. */
    public static String checkSyntax(String expression) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
