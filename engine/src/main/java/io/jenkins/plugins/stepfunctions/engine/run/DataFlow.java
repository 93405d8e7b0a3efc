package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.asl.Catcher;
import io.jenkins.plugins.stepfunctions.engine.asl.State;
import io.jenkins.plugins.stepfunctions.engine.asl.StateIo;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a state's data moves from its input to its output in one query language: {@link JsonPathFlow}
 * (InputPath, Parameters, ResultSelector, ResultPath, OutputPath) or {@link JsonataFlow} (Arguments,
 * Output, {@code $states}). The parser fixes each state's query language, so a visit takes its flow
 * once ({@link #of}) and the state runners never ask which language they run in.
 */
sealed interface DataFlow permits JsonPathFlow, JsonataFlow {

    static DataFlow of(StateIo io) {
        return io.jsonata() ? JsonataFlow.INSTANCE : JsonPathFlow.INSTANCE;
    }

    /** What the state's fields read: the input after InputPath, or the raw input (JSONata has no InputPath). */
    JsonNode effectiveInput(StateContext visit);

    /** What the state's work receives (Task, Parallel): Parameters or Arguments, else the effective input. */
    JsonNode workInput(StateContext visit, JsonNode effective);

    /**
     * A payload template beside the state's own (ItemSelector, an ItemReader's or ResultWriter's
     * Parameters or Arguments) resolved over {@code effective} with {@code context} as the context object.
     */
    JsonNode payload(StateContext visit, JsonNode template, JsonNode effective, ObjectNode context, String field);

    /** A Pass state: JSONPath's Result or Parameters through ResultPath and OutputPath; JSONata's Output. */
    void pass(StateContext visit, State.Pass pass);

    /**
     * Leaves the state with its work's result (Task, Map, Parallel): ResultSelector, Assign, ResultPath
     * and OutputPath, or Assign and Output over {@code $states.result}.
     */
    void exitWithResult(StateContext visit, JsonNode result);

    /**
     * Leaves the state with its input (Choice, Wait, Succeed): {@code assign} and OutputPath over the
     * effective input, or {@code assign} and {@code output} over {@code $states.input}.
     */
    void exitWithInput(StateContext visit, JsonNode effective, JsonNode assign, JsonNode output, String next);

    /** Leaves the state through a catcher: its ResultPath, or its Output over {@code $states.errorOutput}. */
    void exitCaught(StateContext visit, Catcher catcher, ObjectNode errorOutput);

    /** The first of a Choice state's rules (JSONPath) or Conditions (JSONata) that holds, or null. */
    State.ChoiceBranch firstMatch(StateContext visit, List<State.ChoiceBranch> choices, JsonNode effective);

    /** The error of a field whose value is of the wrong kind: States.Runtime, or States.QueryEvaluationError. */
    String valueError();

    /** The field that shapes the work's input, as messages name it: Parameters or Arguments. */
    String parametersField();

    /** An object's fields in order: the variables an evaluated Assign sets. */
    static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
