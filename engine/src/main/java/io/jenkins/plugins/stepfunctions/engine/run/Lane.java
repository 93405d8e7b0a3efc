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

    /** A nested scope: reads the outer variables, its own assignments stay inside. */
    Lane child(long after, boolean silentChild) {
        return new Lane(after, silent || silentChild, new HashMap<>(variables), this);
    }
}
