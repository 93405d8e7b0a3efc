package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.asl.State;
import io.jenkins.plugins.stepfunctions.engine.asl.ValueSource;
import io.jenkins.plugins.stepfunctions.engine.dataflow.IntrinsicFunctions;
import io.jenkins.plugins.stepfunctions.engine.dataflow.JsonPaths;
import io.jenkins.plugins.stepfunctions.engine.history.EventDetails;

/** A Fail state: the execution (or its branch) fails with the state's Error and Cause. */
final class FailRun {
    private FailRun() {
    }

    static void run(StateContext visit, State.Fail fail) {
        // a Fail state has no InputPath; AWS's TestState shows its input as the value after it all the same
        JsonNode input = visit.flow().effectiveInput(visit);
        String error = text(visit, fail.error(), input);
        String cause = text(visit, fail.cause(), input);
        visit.failed(new StatesException(error, cause), visit.lane().last, false);
    }

    private static String text(StateContext visit, ValueSource source, JsonNode input) {
        if (source == null) {
            return null;
        }
        JsonNode v = source instanceof ValueSource.Path p ? path(visit, p, input) : source.resolve(visit, input);
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : EventDetails.text(v);
    }

    /** ErrorPath and CausePath may be an intrinsic function too, and say so when they read nothing. */
    private static JsonNode path(StateContext visit, ValueSource.Path source, JsonNode input) {
        String path = source.path();
        if (path.startsWith("States.")) {
            return IntrinsicFunctions.evaluate(path, visit.pathScope(input));
        }
        JsonNode v = JsonPaths.read(path, visit.pathScope(input));
        if (v == null) {
            throw new StatesException(StatesException.RUNTIME, "The JSONPath '" + path + "' specified for the "
                    + "field '" + source.field() + "' could not be found in the input '" + EventDetails.text(input) + "'");
        }
        return v;
    }
}
