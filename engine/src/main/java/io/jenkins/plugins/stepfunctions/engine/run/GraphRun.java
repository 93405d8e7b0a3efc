package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.engine.asl.Graph;
import io.jenkins.plugins.stepfunctions.engine.asl.State;
import java.util.function.Consumer;

/**
 * Runs a graph of states on one lane. States that finish at once are chained in a loop (a
 * 10,000-iteration Choice loop uses no stack); a state that waits resumes the loop later on the
 * execution's actor.
 */
final class GraphRun {
    private static final int STEPS_BEFORE_YIELD = 1000;

    final ExecutionRun execution;
    final Graph graph;
    final Lane lane;
    final boolean topLevel;
    private final Consumer<Step> onDone;
    /** TestState: the run is one state, whose step goes to {@link #onDone} as it is, Next included. */
    private final boolean singleState;

    GraphRun(ExecutionRun execution, Graph graph, Lane lane, boolean topLevel, Consumer<Step> onDone) {
        this(execution, graph, lane, topLevel, onDone, false);
    }

    GraphRun(ExecutionRun execution, Graph graph, Lane lane, boolean topLevel, Consumer<Step> onDone,
             boolean singleState) {
        this.execution = execution;
        this.graph = graph;
        this.lane = lane;
        this.topLevel = topLevel;
        this.onDone = onDone;
        this.singleState = singleState;
    }

    void start(JsonNode input) {
        drive(new Step.Next(graph.start(), input));
    }

    void drive(Step step) {
        if (singleState) {
            onDone.accept(step);
            return;
        }
        int steps = 0;
        while (step instanceof Step.Next next) {
            // ended: stopped from outside, or the history is full; nothing this lane does would count
            if (lane.cancelled() || execution.ended()) {
                return;
            }
            if (++steps > STEPS_BEFORE_YIELD) {
                // an endless Choice loop must not hold a worker: other executions get their turn
                Step resume = step;
                execution.post(() -> drive(resume));
                return;
            }
            step = StateRun.isPlainPass(next.state())
                    ? StateRun.passThrough(this, (State.Pass) next.state(), next.input())
                    : new StateRun(this, next.state(), next.input()).start();
            if (step == null) {
                return;
            }
        }
        if (!lane.cancelled()) {
            onDone.accept(step);
        }
    }
}
