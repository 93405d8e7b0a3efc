package io.jenkins.plugins.stepfunctions.engine.asl;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A set of states with a start: the state machine itself, a Parallel branch or a Map's processor.
 *
 * @param successors each state with a {@code Next} field, by identity, to the state it names: resolved
 *                   once here so that running a transition compares no names
 */
public record Graph(String startAt, Map<String, State> states, Map<State, State> successors) {
    public Graph(String startAt, Map<String, State> states) {
        this(startAt, states, successorsOf(states));
    }

    private static Map<State, State> successorsOf(Map<String, State> states) {
        Map<State, State> out = new IdentityHashMap<>();
        for (State s : states.values()) {
            State next = s.transition().next() == null ? null : states.get(s.transition().next());
            if (next != null) {
                out.put(s, next);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    public State state(String name) {
        return states.get(name);
    }

    public State start() {
        return states.get(startAt);
    }

    /** The state {@code from}'s {@code Next} names (its transition), or null when it has none. */
    public State next(State from) {
        return successors.get(from);
    }
}
