package io.jenkins.plugins.stepfunctions.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The graph of a definition, and for each state the Parallel or Map state it runs inside: history events
 * that end a Parallel or Map do not name it, so the replay finds it from the state that ran last.
 */
public final class DefinitionGraph {
    private final GraphView graph;
    private final Map<String, String> parentOf = new HashMap<>();
    private final Map<String, JsonNode> states = new HashMap<>();

    private DefinitionGraph(JsonNode definition) {
        this.graph = definition == null ? new GraphView(null, List.of(), List.of()) : graph(definition, null);
    }

    /** The graph of {@code definition} (a parsed ASL document); null gives an empty graph. */
    public static DefinitionGraph of(JsonNode definition) {
        return new DefinitionGraph(definition != null && definition.path("States").isObject() ? definition : null);
    }

    public GraphView graph() {
        return graph;
    }

    /** The Parallel or Map state that {@code state} runs inside, empty at the top level or when unknown. */
    public Optional<String> parent(String state) {
        return Optional.ofNullable(parentOf.get(state));
    }

    public Optional<JsonNode> state(String name) {
        return Optional.ofNullable(states.get(name));
    }

    public boolean contains(String name) {
        return states.containsKey(name);
    }

    private GraphView graph(JsonNode machine, String parent) {
        List<NodeView> nodes = new ArrayList<>();
        List<EdgeView> edges = new ArrayList<>();
        machine.path("States").fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode state = entry.getValue();
            states.putIfAbsent(name, state);
            if (parent != null) {
                parentOf.putIfAbsent(name, parent);
            }
            String type = state.path("Type").asText("");
            nodes.add(new NodeView(name, type, state.path("Comment").asText(null),
                    state.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail"),
                    children(state, name)));
            edges(name, state, edges);
        });
        return new GraphView(machine.path("StartAt").asText(null), List.copyOf(nodes), List.copyOf(edges));
    }

    private List<GraphView> children(JsonNode state, String name) {
        List<GraphView> children = new ArrayList<>();
        state.path("Branches").forEach(branch -> children.add(graph(branch, name)));
        JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
        if (processor != null && processor.path("States").isObject()) {
            children.add(graph(processor, name));
        }
        return List.copyOf(children);
    }

    private static void edges(String name, JsonNode state, List<EdgeView> edges) {
        if (state.hasNonNull("Next")) {
            edges.add(new EdgeView(name, state.get("Next").asText(), EdgeKind.NEXT, null));
        }
        for (JsonNode rule : state.path("Choices")) {
            if (rule.hasNonNull("Next")) {
                edges.add(new EdgeView(name, rule.get("Next").asText(), EdgeKind.CHOICE, ChoiceLabels.of(rule)));
            }
        }
        if (state.hasNonNull("Default")) {
            edges.add(new EdgeView(name, state.get("Default").asText(), EdgeKind.DEFAULT, "Default"));
        }
        for (JsonNode retrier : state.path("Retry")) {
            edges.add(new EdgeView(name, name, EdgeKind.RETRY, errors(retrier) + " \u00d7"
                    + retrier.path("MaxAttempts").asInt(3)));
        }
        for (JsonNode catcher : state.path("Catch")) {
            if (catcher.hasNonNull("Next")) {
                edges.add(new EdgeView(name, catcher.get("Next").asText(), EdgeKind.CATCH, errors(catcher)));
            }
        }
    }

    private static String errors(JsonNode retrierOrCatcher) {
        List<String> names = new ArrayList<>();
        retrierOrCatcher.path("ErrorEquals").forEach(e -> names.add(e.asText()));
        return ChoiceLabels.abbreviate(String.join(", ", names));
    }
}
