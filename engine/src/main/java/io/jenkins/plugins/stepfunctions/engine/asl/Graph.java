package io.jenkins.plugins.stepfunctions.engine.asl;

import java.util.Map;

/** A set of states with a start: the state machine itself, a Parallel branch or a Map's processor. */
public record Graph(String startAt, Map<String, State> states) {
    public State state(String name) {
        return states.get(name);
    }

    public State start() {
        return states.get(startAt);
    }
}
