package io.jenkins.plugins.stepfunctions.engine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSONPath subset the snapshot recorder's transforms use ({@code $..Key}, {@code $.a[0]},
 * {@code [*]}), ported from the conformance runner so both select the same values.
 */
final class SnapshotPath {
    private static final Pattern SEGMENT = Pattern.compile(
            "(\\.\\.|\\.)?(?:\\[(\\*|-?\\d+|'[^']*'|\"[^\"]*\")\\]|([A-Za-z0-9_\\-$@]+|\\*))");

    /** A matched value: the container that holds it and its key (String) or index (Integer). */
    record Match(JsonNode container, Object key) {
        JsonNode value() {
            return key instanceof Integer i ? container.get(i) : container.get((String) key);
        }

        void set(JsonNode value) {
            if (key instanceof Integer i) {
                ((ArrayNode) container).set(i, value);
            } else {
                ((ObjectNode) container).set((String) key, value);
            }
        }
    }

    private record Segment(boolean descendants, String kind, Object arg) {
    }

    private SnapshotPath() {
    }

    static List<Match> find(String path, JsonNode doc) {
        List<Match> current = new ArrayList<>();
        current.add(new Match(null, null));
        List<JsonNode> nodes = new ArrayList<>(List.of(doc));
        for (Segment segment : parse(path)) {
            List<Match> next = new ArrayList<>();
            List<JsonNode> nextNodes = new ArrayList<>();
            Map<JsonNode, Set<Object>> seen = new IdentityHashMap<>();
            for (JsonNode node : nodes) {
                List<JsonNode> bases = new ArrayList<>();
                if (segment.descendants()) {
                    descendantsAndSelf(node, bases);
                } else {
                    bases.add(node);
                }
                for (JsonNode base : bases) {
                    for (Match child : children(base, segment)) {
                        if (seen.computeIfAbsent(child.container(), c -> new HashSet<>()).add(child.key())) {
                            next.add(child);
                            nextNodes.add(child.value());
                        }
                    }
                }
            }
            current = next;
            nodes = nextNodes;
        }
        return current.stream().filter(m -> m.container() != null).toList();
    }

    static List<JsonNode> values(String path, JsonNode doc) {
        return find(path, doc).stream().map(Match::value).toList();
    }

    private static List<Segment> parse(String path) {
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("unsupported JSONPath " + path);
        }
        List<Segment> segments = new ArrayList<>();
        int i = 1;
        Matcher m = SEGMENT.matcher(path);
        while (i < path.length()) {
            m.region(i, path.length());
            if (!m.lookingAt() || m.end() == i) {
                throw new IllegalArgumentException("unsupported JSONPath " + path);
            }
            boolean descendants = "..".equals(m.group(1));
            if (m.group(2) != null) {
                String token = m.group(2);
                if (token.equals("*")) {
                    segments.add(new Segment(descendants, "*", null));
                } else if (token.charAt(0) == '\'' || token.charAt(0) == '"') {
                    segments.add(new Segment(descendants, "key", token.substring(1, token.length() - 1)));
                } else {
                    segments.add(new Segment(descendants, "idx", Integer.parseInt(token)));
                }
            } else {
                String token = m.group(3);
                segments.add(token.equals("*") ? new Segment(descendants, "*", null)
                        : new Segment(descendants, "key", token));
            }
            i = m.end();
        }
        return segments;
    }

    private static List<Match> children(JsonNode node, Segment segment) {
        List<Match> out = new ArrayList<>();
        switch (segment.kind()) {
            case "*" -> {
                if (node.isObject()) {
                    node.fieldNames().forEachRemaining(k -> out.add(new Match(node, k)));
                } else if (node.isArray()) {
                    for (int i = 0; i < node.size(); i++) {
                        out.add(new Match(node, i));
                    }
                }
            }
            case "key" -> {
                if (node.isObject() && node.has((String) segment.arg())) {
                    out.add(new Match(node, segment.arg()));
                }
            }
            default -> {
                int idx = (Integer) segment.arg();
                if (node.isArray() && -node.size() <= idx && idx < node.size()) {
                    out.add(new Match(node, Math.floorMod(idx, node.size())));
                }
            }
        }
        return out;
    }

    private static void descendantsAndSelf(JsonNode node, List<JsonNode> out) {
        out.add(node);
        if (node.isContainerNode()) {
            node.elements().forEachRemaining(child -> descendantsAndSelf(child, out));
        }
    }
}
