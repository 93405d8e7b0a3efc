package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * One line of control inside an execution (the top level, a Parallel branch, a Map iteration):
 * the event that the next event of this line follows ({@code previousEventId}) and the variables
 * visible in this scope. A silent lane (iterations of a distributed Map, which AWS runs as child
 * executions) records no events.
 */
final class Lane {
    long last;
    final boolean silent;
    final Map<String, JsonNode> variables;
    private final Lane parent;
    private boolean cancelled;
    /** The last state this lane entered and its input: where a redrive resumes the lane. */
    private String redriveState;
    private JsonNode redriveInput;
    /**
     * The state this lane is in the middle of (a Task, Wait, Map or Parallel that has not exited), null
     * between states: what an abort names, and the Map or Parallel whose finished work a redrive keeps.
     */
    StateRun inFlight;
    /** False once the lane's graph has ended (succeeded or failed): an abort passes over it. */
    boolean running = true;
    /** Set by a redrive for the lane's first state: the Map or Parallel attempt whose finished work it keeps. */
    private Branching resume;

    Lane(long last, boolean silent, Map<String, JsonNode> variables) {
        this(last, silent, variables, null);
    }

    private Lane(long last, boolean silent, Map<String, JsonNode> variables, Lane parent) {
        this.last = last;
        this.silent = silent;
        this.variables = variables;
        this.parent = parent;
    }

    /** Stops this lane and its nested lanes at their next state (a sibling branch failed). */
    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        for (Lane l = this; l != null; l = l.parent) {
            if (l.cancelled) {
                return true;
            }
        }
        return false;
    }

    /** A state was entered on this lane; {@code run} is null for a state that cannot be in flight (a plain Pass). */
    void entered(String stateName, JsonNode input, StateRun run) {
        redriveState = stateName;
        redriveInput = input;
        inFlight = run;
    }

    /** Where a redrive resumes this lane, or null when it entered no state. */
    RedrivePoint redrivePoint() {
        if (redriveState == null) {
            return null;
        }
        return new RedrivePoint(redriveState, redriveInput, inFlight == null ? null : inFlight.branching(), variables);
    }

    /** Makes this (new) lane resume where {@code point} left off: its variables, and the finished work it keeps. */
    void resumeFrom(RedrivePoint point) {
        variables.putAll(point.variables());
        resume = point.prior();
    }

    /** The prior attempt a redrive handed this lane's first state, once. */
    Branching takeResume() {
        Branching r = resume;
        resume = null;
        return r;
    }

    /** A nested scope: reads the outer variables, its own assignments stay inside. */
    Lane child(long after, boolean silentChild) {
        return new Lane(after, silent || silentChild, new HashMap<>(variables), this);
    }
}
