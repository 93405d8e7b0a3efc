package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.asl.Catcher;
import io.jenkins.plugins.stepfunctions.engine.asl.State;
import io.jenkins.plugins.stepfunctions.engine.asl.StateIo;
import io.jenkins.plugins.stepfunctions.engine.dataflow.JsonataScope;
import io.jenkins.plugins.stepfunctions.engine.history.EventDetails;
import java.util.List;
import java.util.Map;

/** The JSONata data flow: Arguments, Output and Assign over {@code $states} (see {@link DataFlow}). */
final class JsonataFlow implements DataFlow {
    static final JsonataFlow INSTANCE = new JsonataFlow();

    private JsonataFlow() {
    }

    @Override
    public JsonNode effectiveInput(StateContext visit) {
        return visit.input();
    }

    @Override
    public JsonNode workInput(StateContext visit, JsonNode effective) {
        JsonNode arguments = visit.io().arguments();
        JsonNode work = arguments != null
                ? visit.jsonata(arguments, visit.jsonataScope(null, null), "Arguments") : visit.input();
        StateProbe probe = visit.execution().probe();
        if (probe != null) {
            probe.afterArguments = work;
        }
        return work;
    }

    @Override
    public JsonNode payload(StateContext visit, JsonNode template, JsonNode effective, ObjectNode context,
                            String field) {
        return visit.jsonata(template, visit.jsonataScope(context, null, null), field);
    }

    @Override
    public void pass(StateContext visit, State.Pass pass) {
        exitWithInput(visit, visit.input(), visit.io().assign(), visit.io().output(), pass.transition().next());
    }

    @Override
    public void exitWithResult(StateContext visit, JsonNode result) {
        StateIo io = visit.io();
        JsonataScope scope = visit.jsonataScope(result, null);
        Map<String, JsonNode> assigned = assign(visit, io.assign(), scope);
        visit.exit(io.output() != null ? visit.jsonata(io.output(), scope, "Output") : result, assigned,
                visit.state().transition().next());
    }

    @Override
    public void exitWithInput(StateContext visit, JsonNode effective, JsonNode assign, JsonNode output, String next) {
        JsonataScope scope = visit.jsonataScope(null, null);
        Map<String, JsonNode> assigned = assign(visit, assign, scope);
        visit.exit(output != null ? visit.jsonata(output, scope, "Output") : visit.input(), assigned, next);
    }

    @Override
    public void exitCaught(StateContext visit, Catcher catcher, ObjectNode errorOutput) {
        JsonataScope scope = visit.jsonataScope(null, errorOutput);
        Map<String, JsonNode> assigned = assign(visit, catcher.assign(), scope);
        visit.exit(catcher.output() != null ? visit.jsonata(catcher.output(), scope, "Output") : errorOutput,
                assigned, catcher.next());
    }

    @Override
    public State.ChoiceBranch firstMatch(StateContext visit, List<State.ChoiceBranch> choices, JsonNode effective) {
        JsonataScope scope = visit.jsonataScope(null, null);
        for (State.ChoiceBranch b : choices) {
            JsonNode verdict = visit.jsonata(b.condition(), scope, "Condition");
            if (!verdict.isBoolean()) {
                throw new StatesException(StatesException.QUERY_EVALUATION_ERROR, "The JSONata expression '"
                        + StateRun.expressionText(b.condition()) + "' specified for the field 'Condition' returned an "
                        + "unexpected result type. Expected 'boolean', but was '" + StateRun.typeName(verdict)
                        + "' for value: " + EventDetails.text(verdict));
            }
            if (verdict.asBoolean()) {
                return b;
            }
        }
        return null;
    }

    @Override
    public String valueError() {
        return StatesException.QUERY_EVALUATION_ERROR;
    }

    @Override
    public String parametersField() {
        return "Arguments";
    }

    private static Map<String, JsonNode> assign(StateContext visit, JsonNode assign, JsonataScope scope) {
        return assign == null ? null : DataFlow.fields(visit.jsonata(assign, scope, "Assign"));
    }
}
