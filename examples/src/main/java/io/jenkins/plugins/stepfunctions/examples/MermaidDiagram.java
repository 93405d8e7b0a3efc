package io.jenkins.plugins.stepfunctions.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Draws a state machine definition as a Mermaid flowchart: one node per state (its shape says its type),
 * solid edges for Next/End and Choice rules (labelled with the rule), dotted edges for Catch (labelled
 * with the errors), Parallel branches and Map processors as nested subgraphs. The output depends only on
 * the definition, so a README that embeds it can be checked for staleness.
 */
public final class MermaidDiagram {
    private static final Set<String> MERMAID_KEYWORDS = Set.of("end", "graph", "subgraph", "flowchart", "style",
            "class", "classdef", "click", "linkstyle", "direction", "default", "start");

    private final StringBuilder out = new StringBuilder();
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, Integer> idCounts = new HashMap<>();
    private int branchCount;

    private MermaidDiagram() {
    }

    /** The Mermaid source of {@code definition} (an ASL definition), without the Markdown fence. */
    public static String render(JsonNode definition) {
        return new MermaidDiagram().draw(definition);
    }

    private String draw(JsonNode definition) {
        out.append("flowchart TD\n");
        out.append("    start((start))\n");
        out.append("    finish((end))\n");
        drawScope(definition, "    ", true);
        out.append("    start --> ").append(id(definition.path("StartAt").asText())).append('\n');
        out.append("    classDef succeed fill:#d4f7dc,stroke:#1a7f37\n");
        out.append("    classDef fail fill:#ffe0e0,stroke:#cf222e\n");
        out.append("    classDef wait fill:#eef3ff,stroke:#4468c8\n");
        out.append("    classDef choice fill:#fff6d6,stroke:#9a6700\n");
        return out.toString();
    }

    /** Draws the states of one scope (the machine, a branch or a Map processor) and their edges. */
    private void drawScope(JsonNode scope, String indent, boolean topLevel) {
        JsonNode states = scope.path("States");
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> state = it.next();
            drawState(state.getKey(), state.getValue(), indent);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> state = it.next();
            drawEdges(state.getKey(), state.getValue(), indent, topLevel);
        }
    }

    private void drawState(String name, JsonNode state, String indent) {
        String type = state.path("Type").asText();
        String node = id(name);
        switch (type) {
            case "Parallel" -> {
                out.append(indent).append("subgraph ").append(node).append(" [").append(quoted(name + " (Parallel)")).append("]\n");
                out.append(indent).append("    direction TB\n");
                int index = 0;
                for (JsonNode branch : state.path("Branches")) {
                    index++;
                    drawNested(branch, "branch " + index, indent + "    ");
                }
                out.append(indent).append("end\n");
            }
            case "Map" -> {
                JsonNode processor = state.has("ItemProcessor") ? state.path("ItemProcessor") : state.path("Iterator");
                int max = state.path("MaxConcurrency").asInt(0);
                String concurrency = max == 0 ? ", all at once" : max == 1 ? ", one at a time" : ", " + max + " at a time";
                out.append(indent).append("subgraph ").append(node).append(" [").append(quoted(name + " (Map" + concurrency + ")")).append("]\n");
                out.append(indent).append("    direction TB\n");
                drawNested(processor, "each item", indent + "    ");
                out.append(indent).append("end\n");
            }
            case "Choice" -> out.append(indent).append(node).append('{').append(quoted(name)).append("}:::choice\n");
            case "Wait" -> out.append(indent).append(node).append("([").append(quoted(name, waitLabel(state))).append("]):::wait\n");
            case "Succeed" -> out.append(indent).append(node).append("([").append(quoted(name)).append("]):::succeed\n");
            case "Fail" -> out.append(indent).append(node).append("([").append(quoted(name, state.path("Error").asText(null))).append("]):::fail\n");
            case "Pass" -> out.append(indent).append(node).append('>').append(quoted(name)).append("]\n");
            default -> out.append(indent).append(node).append('[').append(quoted(name, taskLabel(state))).append("]\n");
        }
    }

    private void drawNested(JsonNode scope, String label, String indent) {
        branchCount++;
        String subgraph = "scope" + branchCount;
        out.append(indent).append("subgraph ").append(subgraph).append(" [").append(quoted(label)).append("]\n");
        out.append(indent).append("    direction TB\n");
        drawScope(scope, indent + "    ", false);
        out.append(indent).append("end\n");
    }

    private void drawEdges(String name, JsonNode state, String indent, boolean topLevel) {
        String from = id(name);
        for (JsonNode rule : state.path("Choices")) {
            edge(indent, from, "-->", ChoiceRuleLabel.of(rule), rule.path("Next").asText());
        }
        if (state.has("Default")) {
            edge(indent, from, "-->", "otherwise", state.path("Default").asText());
        }
        if (state.has("Next")) {
            edge(indent, from, "-->", null, state.path("Next").asText());
        }
        for (JsonNode catcher : state.path("Catch")) {
            StringBuilder errors = new StringBuilder();
            for (JsonNode error : catcher.path("ErrorEquals")) {
                errors.append(errors.length() == 0 ? "" : ", ").append(error.asText());
            }
            edge(indent, from, "-.->", "catch " + errors, catcher.path("Next").asText());
        }
        boolean terminal = state.path("End").asBoolean(false) || "Succeed".equals(state.path("Type").asText());
        if (terminal && topLevel) {
            out.append(indent).append(from).append(" --> finish\n");
        }
    }

    private void edge(String indent, String from, String arrow, String label, String to) {
        out.append(indent).append(from).append(' ').append(arrow);
        if (label != null) {
            out.append('|').append(quoted(label)).append('|');
        }
        out.append(' ').append(id(to)).append('\n');
    }

    private static String taskLabel(JsonNode state) {
        String resource = state.path("Resource").asText();
        String service = resource.startsWith("arn:aws:states:::")
                ? resource.substring("arn:aws:states:::".length()).replace("aws-sdk:", "")
                : resource.startsWith("arn:aws:states:") && resource.contains(":activity:") ? "activity" : "lambda";
        StringBuilder label = new StringBuilder(service);
        if (state.has("Retry")) {
            label.append(" · retry");
        }
        if (state.has("TimeoutSeconds")) {
            label.append(" · timeout ").append(seconds(state.path("TimeoutSeconds").asLong()));
        }
        if (state.has("HeartbeatSeconds")) {
            label.append(" · heartbeat ").append(seconds(state.path("HeartbeatSeconds").asLong()));
        }
        return label.toString();
    }

    private static String waitLabel(JsonNode state) {
        if (state.has("Seconds")) {
            return "wait " + seconds(state.path("Seconds").asLong());
        }
        for (String field : new String[] {"SecondsPath", "Timestamp", "TimestampPath"}) {
            if (state.has(field)) {
                return "wait " + field + " " + state.path(field).asText();
            }
        }
        return null;
    }

    private static String seconds(long seconds) {
        if (seconds >= 3600 && seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }

    /** A Mermaid node id for a state name: stable, unique, and never a Mermaid keyword. */
    private String id(String stateName) {
        return ids.computeIfAbsent(stateName, name -> {
            String base = name.replaceAll("[^A-Za-z0-9_]", "_");
            if (base.isEmpty() || !Character.isLetter(base.charAt(0)) || MERMAID_KEYWORDS.contains(base.toLowerCase(Locale.ROOT))) {
                base = "s_" + base;
            }
            int n = idCounts.merge(base, 1, Integer::sum);
            return n == 1 ? base : base + "_" + n;
        });
    }

    /** A two-line label: the name, and a detail line when there is one. */
    private static String quoted(String name, String detail) {
        return detail == null ? quoted(name) : '"' + escaped(name) + "<br/>" + escaped(detail) + '"';
    }

    /** A label inside double quotes. */
    static String quoted(String label) {
        return '"' + escaped(label) + '"';
    }

    /** The characters Mermaid would misread, written as its entity codes. */
    private static String escaped(String text) {
        return text.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }
}
