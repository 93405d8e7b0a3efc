package io.jenkins.plugins.stepfunctions.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The states of a definition at every depth (Parallel branches, Map processors). */
final class StateWalk {
    private StateWalk() {
    }

    /** Every state by name, at any depth, in definition order. */
    static Map<String, JsonNode> all(JsonNode scope) {
        Map<String, JsonNode> states = new LinkedHashMap<>();
        collect(scope, states);
        return states;
    }

    /** Every state name at any depth, duplicates kept. */
    static void names(JsonNode scope, List<String> into) {
        scope.path("States").fields().forEachRemaining(entry -> {
            into.add(entry.getKey());
            for (JsonNode nested : nestedScopes(entry.getValue())) {
                names(nested, into);
            }
        });
    }

    /** The states entered inside {@code container}, at any depth below it. */
    static Map<String, JsonNode> inside(JsonNode container) {
        Map<String, JsonNode> states = new LinkedHashMap<>();
        for (JsonNode nested : nestedScopes(container)) {
            collect(nested, states);
        }
        return states;
    }

    private static void collect(JsonNode scope, Map<String, JsonNode> into) {
        scope.path("States").fields().forEachRemaining(entry -> {
            into.put(entry.getKey(), entry.getValue());
            for (JsonNode nested : nestedScopes(entry.getValue())) {
                collect(nested, into);
            }
        });
    }

    private static List<JsonNode> nestedScopes(JsonNode state) {
        if (state.has("Branches")) {
            return toList(state.path("Branches"));
        }
        if (state.has("ItemProcessor")) {
            return List.of(state.path("ItemProcessor"));
        }
        if (state.has("Iterator")) {
            return List.of(state.path("Iterator"));
        }
        return List.of();
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
