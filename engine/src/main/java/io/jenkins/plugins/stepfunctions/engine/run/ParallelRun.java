package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jenkins.plugins.stepfunctions.engine.asl.State;
import io.jenkins.plugins.stepfunctions.engine.history.EventType;

/**
 * A Parallel state's attempt: every branch on its own lane, results in branch order. When one
 * branch fails, the others are aborted. A redriven attempt keeps the output of the branches that
 * succeeded in the attempt it redrives and reruns only the others, each from where it stopped.
 */
final class ParallelRun implements Branching {
    private final StateContext run;
    private final State.Parallel state;
    private final ParallelRun prior;
    private Lane[] lanes;
    private JsonNode[] results;
    private boolean[] succeeded;
    private int remaining;
    private boolean over;

    ParallelRun(StateContext run, State.Parallel state, ParallelRun prior) {
        this.run = run;
        this.state = state;
        this.prior = prior;
    }

    void run() {
        JsonNode branchInput = run.flow().workInput(run, run.flow().effectiveInput(run));
        long started = run.execution().emit(run.lane(), EventType.PARALLEL_STATE_STARTED, null);
        int n = state.branches().size();
        results = new JsonNode[n];
        succeeded = new boolean[n];
        lanes = new Lane[n];
        remaining = n;
        for (int i = 0; i < n; i++) {
            if (prior != null && prior.succeeded[i]) {
                // redriven: this branch succeeded before and keeps its output
                results[i] = prior.results[i];
                succeeded[i] = true;
                remaining--;
            } else {
                lanes[i] = run.lane().child(started, false);
            }
        }
        for (int i = 0; i < n && !over; i++) {
            if (lanes[i] != null) {
                startBranch(i, branchInput);
            }
        }
        if (remaining == 0 && !over) {
            // every branch had succeeded before the redrive (the state failed after them)
            succeed();
        }
    }

    private void startBranch(int index, JsonNode branchInput) {
        Lane lane = lanes[index];
        RedrivePoint from = prior == null || prior.lanes[index] == null ? null : prior.lanes[index].redrivePoint();
        GraphRun graph = new GraphRun(run.execution(), state.branches().get(index), lane, false,
                step -> branchDone(index, step));
        if (from == null) {
            graph.start(branchInput);
        } else {
            lane.resumeFrom(from);
            graph.drive(new Step.Next(state.branches().get(index).state(from.state()), from.input()));
        }
    }

    private void branchDone(int index, Step step) {
        lanes[index].running = false;
        if (over) {
            return;
        }
        if (step instanceof Step.Failed failed) {
            over = true;
            StateRun.failedLane(run.execution(), lanes[index], failed.previousEventId());
            abortOthers(failed.previousEventId(), true, index);
            run.failed(failed.error(), failed.previousEventId(), true);
            return;
        }
        results[index] = ((Step.End) step).output();
        succeeded[index] = true;
        if (--remaining == 0) {
            succeed();
        }
    }

    private void succeed() {
        over = true;
        long last = run.execution().history().size();
        run.execution().emitAt(run.lane(), last, EventType.PARALLEL_STATE_SUCCEEDED, null);
        run.lane().last = last;
        ArrayNode out = JsonNodeFactory.instance.arrayNode(results.length);
        for (JsonNode r : results) {
            out.add(r);
        }
        run.finishWithResult(out);
    }

    @Override
    public void abort(long previousEventId, boolean states) {
        if (over) {
            return;
        }
        over = true;
        abortOthers(previousEventId, states, -1);
    }

    /** Aborts the branches still running, except {@code except} (the one that failed). */
    private void abortOthers(long previousEventId, boolean states, int except) {
        for (int i = 0; i < lanes.length; i++) {
            Lane lane = lanes[i];
            if (lane == null) {
                continue;
            }
            if (i != except && lane.running && lane.inFlight != null) {
                lane.inFlight.abort(previousEventId, states);
            }
            lane.cancel();
        }
    }
}
