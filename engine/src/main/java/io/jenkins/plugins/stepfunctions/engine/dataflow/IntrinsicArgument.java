package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.fasterxml.jackson.databind.JsonNode;

/** One argument of an intrinsic function call: a literal, a path or a nested call. */
sealed interface IntrinsicArgument permits IntrinsicArgument.Literal, IntrinsicArgument.PathArgument, IntrinsicCall {

    /**
     * A literal; {@code raw} is a string literal's text before escapes are resolved, which
     * States.Format needs to tell an escaped brace from a placeholder.
     */
    record Literal(JsonNode value, String raw) implements IntrinsicArgument {
    }

    /** {@code $.x}, {@code $$.x} or {@code $var.x}. */
    record PathArgument(String path) implements IntrinsicArgument {
    }
}
