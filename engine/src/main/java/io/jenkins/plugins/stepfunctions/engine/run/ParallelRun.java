package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jenkins.plugins.stepfunctions.engine.asl.State;
import java.util.ArrayList;
import java.util.List;

/** A Parallel state's attempt: every branch on its own lane, results in branch order. */
final class ParallelRun {
    private final StateRun run;
    private final State.Parallel state;
    private final List<Lane> lanes = new ArrayList<>();
    private JsonNode[] results;
    private int remaining;
    private boolean over;

    ParallelRun(StateRun run, State.Parallel state) {
        this.run = run;
        this.state = state;
    }

    void run() {
        JsonNode branchInput;
        if (run.io.jsonata()) {
            branchInput = run.io.arguments() != null ? run.jsonata(run.io.arguments(), run.jsonataScope(null, null), "Arguments")
                    : run.input;
        } else {
            JsonNode effective = run.select(run.io.inputPath(), run.input, "InputPath");
            branchInput = run.io.parameters() != null ? run.template(run.io.parameters(), effective) : effective;
        }
        long started = run.execution.emit(run.lane, "ParallelStateStarted", null, null);
        results = new JsonNode[state.branches().size()];
        remaining = results.length;
        for (int i = 0; i < results.length; i++) {
            lanes.add(run.lane.child(started, false));
        }
        for (int i = 0; i < results.length && !over; i++) {
            int index = i;
            Lane lane = lanes.get(i);
            new GraphRun(run.execution, state.branches().get(i), lane, false, step -> branchDone(index, step))
                    .start(branchInput);
        }
    }

    private void branchDone(int index, Step step) {
        if (over) {
            return;
        }
        if (step instanceof Step.Failed failed) {
            over = true;
            lanes.forEach(Lane::cancel);
            run.failed(failed.error(), failed.previousEventId(), true);
            return;
        }
        results[index] = ((Step.End) step).output();
        if (--remaining == 0) {
            over = true;
            long last = run.execution.history().size();
            run.execution.emitAt(run.lane, last, "ParallelStateSucceeded", null, null);
            run.lane.last = last;
            ArrayNode out = JsonNodeFactory.instance.arrayNode(results.length);
            for (JsonNode r : results) {
                out.add(r);
            }
            run.finishWithResult(out);
        }
    }
}
