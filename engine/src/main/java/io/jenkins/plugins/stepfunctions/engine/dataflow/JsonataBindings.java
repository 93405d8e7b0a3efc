package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The values one template resolution binds ({@code $states} and variables), converted to the library's
 * Java form at most once per resolution even when several expressions of the template use them, and only
 * when an expression names them. Expressions never modify bound values (JSONata builds new ones), so the
 * conversions are shared by the expressions of one template, never across resolutions or threads.
 */
final class JsonataBindings {
    private static final String STATES = "states";
    /*
     * AWS documents no bound; these stop a runaway expression (JSONata turns tail recursion into a loop, so
     * "$f := function($x){$f($x)}" never overflows the stack) from holding an execution's thread forever.
     */
    private static final long MAX_EVALUATION_MILLIS = 10_000;
    private static final int MAX_EVALUATION_DEPTH = 1_000;

    private final JsonataScope scope;
    private final Map<String, Object> converted = new HashMap<>();

    JsonataBindings(JsonataScope scope) {
        this.scope = scope;
    }

    /** A fresh frame for one evaluation of {@code compiled}, so concurrent evaluations never share state. */
    Jsonata.Frame frame(CompiledJsonata compiled) {
        Jsonata.Frame frame = compiled.jsonata().createFrame();
        frame.setRuntimeBounds(MAX_EVALUATION_MILLIS, MAX_EVALUATION_DEPTH);
        for (String name : compiled.names()) {
            Object value = value(name);
            if (value != null) {
                frame.bind(name, value);
            }
        }
        AwsJsonataFunctions.bindInto(frame);
        BoundedRegexFunctions.bindInto(frame);
        return frame;
    }

    private Object value(String name) {
        if (converted.containsKey(name)) {
            return converted.get(name);
        }
        JsonNode node = STATES.equals(name) ? scope.states()
                : scope.variables() == null ? null : scope.variables().get(name);
        Object value = node == null ? null : JsonataValues.toJava(node);
        converted.put(name, value);
        return value;
    }
}
