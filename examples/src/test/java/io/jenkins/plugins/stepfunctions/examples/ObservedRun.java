package io.jenkins.plugins.stepfunctions.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one execution of an example did: its final status and error, every state it entered, in order, and
 * its history as one line per event (shown when the run is not what was expected).
 */
record ObservedRun(String status, String error, String cause, List<String> entered, List<String> history) {

    /** The entered states that belong to {@code scope} (a set of state names), in order. */
    List<String> enteredAmong(Set<String> scope) {
        return entered.stream().filter(scope::contains).toList();
    }

    long visits(String state) {
        return entered.stream().filter(state::equals).count();
    }

    /** The top-level path of {@code definition}: entered states named at its top level. */
    List<String> topLevelPath(JsonNode definition) {
        return enteredAmong(Set.copyOf(ExampleStructureTest.fieldNames(definition.path("States"))));
    }

    /** The states entered inside {@code container} (a Parallel or Map state of {@code definition}). */
    List<String> insidePath(JsonNode definition, String container) {
        Map<String, JsonNode> inside = StateWalk.inside(StateWalk.all(definition).get(container));
        return enteredAmong(inside.keySet());
    }
}
