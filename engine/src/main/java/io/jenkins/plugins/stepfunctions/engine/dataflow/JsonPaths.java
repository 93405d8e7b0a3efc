package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * JSONPath as Amazon States Language uses it: reference paths ({@code $.a.b}, {@code $['x']},
 * {@code $.a[0]}), full paths with wildcards, slices and filters where AWS allows them,
 * {@code $$} for the context object and {@code $name} for variables.
 * PLACEHOLDER CONTRACT: the dataflow owner implements it.
 */
public final class JsonPaths {
    private JsonPaths() {
    }

    /** The value at {@code path}, or null when the path matches nothing (callers word the error). */
    public static JsonNode read(String path, PathScope scope) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * ResultPath: {@code result} placed into {@code stateInput} at {@code resultPath}
     * ({@code "$"} replaces the input; null discards the result and keeps the input).
     * The input is not modified. Throws StatesException (States.ResultPathMatchFailure) when the
     * path cannot be applied to the input.
     */
    public static JsonNode applyResultPath(JsonNode stateInput, String resultPath, JsonNode result) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Null when {@code path} is a syntactically valid path, otherwise the problem, for validation. */
    public static String checkSyntax(String path) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
