package io.jenkins.plugins.stepfunctions.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a field's value comes from, chosen when the definition is parsed: the value written in the
 * definition ({@link Literal}), a JSONPath path into the state's input ({@link Path}, the {@code …Path}
 * form of the field) or a JSONata expression ({@link Jsonata}). The runner evaluates each through
 * {@link #resolve} and checks the result as the field requires (TimeoutSeconds, HeartbeatSeconds,
 * Wait's Seconds and Timestamp, MaxConcurrency, ToleratedFailureCount and ToleratedFailurePercentage).
 */
public sealed interface ValueSource {
    /** The field as written in the definition, e.g. {@code TimeoutSeconds} or {@code TimeoutSecondsPath}. */
    String field();

    /** The value: {@code effective} is the input a path reads from (the state's input after InputPath). */
    JsonNode resolve(Evaluator evaluator, JsonNode effective);

    /** What a running state offers to evaluate a source. */
    interface Evaluator {
        /** The value at {@code path}; AWS's States.Runtime when nothing matches. */
        JsonNode readPath(String path, JsonNode effective, String field);

        /** The value of a JSONata template (an expression {@code {% … %}}, or a value returned as it is). */
        JsonNode evaluateJsonata(JsonNode template, String field);
    }

    /** A value written in the definition, used as it is. */
    record Literal(String field, JsonNode value) implements ValueSource {
        @Override
        public JsonNode resolve(Evaluator evaluator, JsonNode effective) {
            return value;
        }
    }

    /** A {@code …Path} field: the value at {@code path} in the effective input. */
    record Path(String field, String path) implements ValueSource {
        @Override
        public JsonNode resolve(Evaluator evaluator, JsonNode effective) {
            return evaluator.readPath(path, effective, field);
        }
    }

    /** A JSONata template in a JSONata state. */
    record Jsonata(String field, JsonNode template) implements ValueSource {
        @Override
        public JsonNode resolve(Evaluator evaluator, JsonNode effective) {
            return evaluator.evaluateJsonata(template, field);
        }
    }

    /**
     * The source of a field that may be a literal, a JSONata string (in a JSONata state) or a path:
     * {@code path} (the {@code pathField}) when given, else {@code value} (the {@code field}), a
     * JSONata expression when it is a string in a JSONata state; null when neither is given.
     */
    static ValueSource of(String field, JsonNode value, String pathField, String path, boolean jsonata) {
        if (path != null) {
            return new Path(pathField, path);
        }
        if (value == null) {
            return null;
        }
        return jsonata && value.isTextual() ? new Jsonata(field, value) : new Literal(field, value);
    }

    /**
     * As {@link #of}, but in a JSONata state every value is a JSONata template (one evaluated as it
     * stands: a number is itself, a string may hold {@code {% … %}}).
     */
    static ValueSource template(String field, JsonNode value, String pathField, String path, boolean jsonata) {
        if (path != null) {
            return new Path(pathField, path);
        }
        if (value == null) {
            return null;
        }
        return jsonata ? new Jsonata(field, value) : new Literal(field, value);
    }
}
