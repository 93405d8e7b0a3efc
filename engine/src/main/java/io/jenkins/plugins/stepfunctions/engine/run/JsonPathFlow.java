package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.asl.Catcher;
import io.jenkins.plugins.stepfunctions.engine.asl.State;
import io.jenkins.plugins.stepfunctions.engine.asl.StateIo;
import io.jenkins.plugins.stepfunctions.engine.dataflow.JsonPaths;
import io.jenkins.plugins.stepfunctions.engine.dataflow.PathScope;
import io.jenkins.plugins.stepfunctions.engine.dataflow.PayloadTemplates;
import java.util.List;
import java.util.Map;

/** The JSONPath data flow: InputPath, Parameters, ResultSelector, ResultPath, OutputPath (see {@link DataFlow}). */
final class JsonPathFlow implements DataFlow {
    static final JsonPathFlow INSTANCE = new JsonPathFlow();

    private JsonPathFlow() {
    }

    @Override
    public JsonNode effectiveInput(StateContext visit) {
        return visit.inspectedInputPath(visit.select(visit.io().inputPath(), visit.input(), "InputPath"));
    }

    @Override
    public JsonNode workInput(StateContext visit, JsonNode effective) {
        JsonNode parameters = visit.io().parameters();
        JsonNode work = parameters != null ? visit.template(parameters, effective) : effective;
        StateProbe probe = visit.execution().probe();
        if (probe != null) {
            probe.afterParameters = work;
        }
        return work;
    }

    @Override
    public JsonNode payload(StateContext visit, JsonNode template, JsonNode effective, ObjectNode context,
                            String field) {
        return PayloadTemplates.resolve(template, new PathScope(effective, context, visit.lane().variables));
    }

    @Override
    public void pass(StateContext visit, State.Pass pass) {
        StateIo io = visit.io();
        JsonNode effective = visit.select(io.inputPath(), visit.input(), "InputPath");
        JsonNode result = io.parameters() != null ? visit.template(io.parameters(), effective) : effective;
        StateProbe probe = visit.execution().probe();
        if (probe != null) {
            // as AWS's TestState shows a Pass state: with Result, the Result stands for InputPath and Parameters
            if (pass.result() == null) {
                probe.afterInputPath = effective;
                probe.afterParameters = result;
            } else {
                probe.result = pass.result();
            }
        }
        exitWithResult(visit, pass.result() != null ? pass.result() : result);
    }

    @Override
    public void exitWithResult(StateContext visit, JsonNode result) {
        StateIo io = visit.io();
        JsonNode selected = io.resultSelector() != null ? visit.template(io.resultSelector(), result) : result;
        Map<String, JsonNode> assigned = assign(visit, io.assign(), selected);
        JsonNode afterResultPath = resultPath(visit, io.resultPath(), selected);
        StateProbe probe = visit.execution().probe();
        if (probe != null) {
            probe.afterResultSelector = selected;
            probe.afterResultPath = afterResultPath;
        }
        visit.exit(visit.select(io.outputPath(), afterResultPath, "OutputPath"), assigned,
                visit.state().transition().next());
    }

    @Override
    public void exitWithInput(StateContext visit, JsonNode effective, JsonNode assign, JsonNode output, String next) {
        Map<String, JsonNode> assigned = assign(visit, assign, effective);
        visit.exit(visit.select(visit.io().outputPath(), effective, "OutputPath"), assigned, next);
    }

    @Override
    public void exitCaught(StateContext visit, Catcher catcher, ObjectNode errorOutput) {
        Map<String, JsonNode> assigned = assign(visit, catcher.assign(), errorOutput);
        visit.exit(resultPath(visit, catcher.resultPath(), errorOutput), assigned, catcher.next());
    }

    @Override
    public State.ChoiceBranch firstMatch(StateContext visit, List<State.ChoiceBranch> choices, JsonNode effective) {
        PathScope scope = visit.pathScope(effective);
        for (State.ChoiceBranch b : choices) {
            if (b.rule().matches(scope)) {
                return b;
            }
        }
        return null;
    }

    @Override
    public String valueError() {
        return StatesException.RUNTIME;
    }

    @Override
    public String parametersField() {
        return "Parameters";
    }

    /** ResultPath: null keeps the input, "$" is the result itself, else the result is set into the input. */
    private static JsonNode resultPath(StateContext visit, String path, JsonNode result) {
        if (path == null) {
            return visit.input();
        }
        if (path.equals("$")) {
            return result;
        }
        return JsonPaths.applyResultPath(visit.input(), path, result);
    }

    private static Map<String, JsonNode> assign(StateContext visit, JsonNode assign, JsonNode dollar) {
        return assign == null ? null : DataFlow.fields(PayloadTemplates.resolve(assign, visit.pathScope(dollar)));
    }
}
