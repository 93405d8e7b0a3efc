package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.engine.asl.Diagnostic;
import java.util.List;

/**
 * Choice rules of the JSONPath language: every comparison operator and its {@code Path} variant,
 * {@code Is*} tests, {@code And}/{@code Or}/{@code Not}, and {@code Variable} as a path.
 * PLACEHOLDER CONTRACT: the dataflow owner implements it.
 */
public final class ChoiceRules {
    private ChoiceRules() {
    }

    /** Whether {@code rule} (one element of Choices, or a nested rule) matches. */
    public static boolean matches(JsonNode rule, PathScope scope) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Problems of one rule (unknown operator, bad path, wrong operand type) at {@code location}. */
    public static List<Diagnostic> validate(JsonNode rule, String location) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
