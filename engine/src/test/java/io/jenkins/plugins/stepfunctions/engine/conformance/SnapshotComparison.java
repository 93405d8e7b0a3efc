package io.jenkins.plugins.stepfunctions.engine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholder-aware comparison of expected and actual values and event sequences, ported from
 * the conformance runner: a {@code <...>} in an expected string matches anything, numbers compare
 * by value, object member order is irrelevant, parallel-branch event runs compare as multisets.
 * Every method returns null when equal, else the first difference.
 */
final class SnapshotComparison {
    static final Pattern PLACEHOLDER = Pattern.compile("<[^<>\\s\"]+>");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SnapshotComparison() {
    }

    static String compareValues(JsonNode expected, JsonNode actual, String path) {
        if (isNone(expected) && isNone(actual)) {
            return null;
        }
        if (expected != null && expected.isTextual()) {
            String e = expected.textValue();
            if (actual != null && actual.isTextual()) {
                if (e.equals(actual.textValue())) {
                    return null;
                }
                if (PLACEHOLDER.matcher(e).find() && placeholderRegex(e).matcher(actual.textValue()).matches()) {
                    return null;
                }
                return mismatch(path, expected, actual);
            }
            return PLACEHOLDER.matcher(e).matches() ? null : mismatch(path, expected, actual);
        }
        if (isNone(expected) || isNone(actual) || expected.isBoolean() || actual.isBoolean()) {
            boolean same = !isNone(expected) && !isNone(actual) && expected.isBoolean() && actual.isBoolean()
                    && expected.booleanValue() == actual.booleanValue();
            return same ? null : mismatch(path, expected, actual);
        }
        if (expected.isNumber()) {
            return actual.isNumber() && expected.decimalValue().compareTo(actual.decimalValue()) == 0
                    ? null : mismatch(path, expected, actual);
        }
        if (expected.isArray()) {
            if (!actual.isArray()) {
                return path + ": expected an array, got " + shortText(actual);
            }
            if (expected.size() != actual.size()) {
                return path + ": expected " + expected.size() + " elements, got " + actual.size() + ": "
                        + shortText(actual);
            }
            for (int i = 0; i < expected.size(); i++) {
                String d = compareValues(expected.get(i), actual.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return path + ": expected an object, got " + shortText(actual);
            }
            Set<String> ek = names(expected);
            Set<String> ak = names(actual);
            if (!ek.equals(ak)) {
                List<String> msg = new ArrayList<>();
                Set<String> missing = new TreeSet<>(ek);
                missing.removeAll(ak);
                Set<String> extra = new TreeSet<>(ak);
                extra.removeAll(ek);
                if (!missing.isEmpty()) {
                    msg.add("missing keys " + pyList(missing));
                }
                if (!extra.isEmpty()) {
                    msg.add("unexpected keys " + pyList(extra));
                }
                return path + ": " + String.join(", ", msg);
            }
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                String d = compareValues(expected.get(k), actual.get(k), path + "." + k);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return pyEquals(expected, actual) ? null : mismatch(path, expected, actual);
    }

    /**
     * Compares event lists: id, previousEventId, type and state names (and exit outputs when
     * {@code withOutput}).
     */
    static String compareEvents(JsonNode expected, List<JsonNode> actual, boolean withOutput) {
        int n = expected.size();
        int i = 0;
        while (i < n) {
            JsonNode e = expected.get(i);
            if (isParallelNormalised(e)) {
                int j = i;
                while (j < n && isParallelNormalised(expected.get(j))) {
                    j++;
                }
                List<JsonNode> remaining = new ArrayList<>();
                for (int a = i; a < Math.min(j, actual.size()); a++) {
                    remaining.add(eventKey(actual.get(a), withOutput));
                }
                for (int x = i; x < j; x++) {
                    JsonNode wanted = eventKey(expected.get(x), withOutput);
                    JsonNode hit = remaining.stream().filter(r -> compareValues(wanted, r, "$") == null)
                            .findFirst().orElse(null);
                    if (hit == null) {
                        return "events[" + i + ".." + (j - 1) + "] (parallel branch events, any order): "
                                + "no actual event matches " + shortText(wanted);
                    }
                    remaining.remove(hit);
                }
                i = j;
                continue;
            }
            if (i >= actual.size()) {
                return "events: expected " + n + " events, got " + actual.size() + "; missing from events[" + i
                        + "]: " + shortText(eventKey(e, false));
            }
            JsonNode a = actual.get(i);
            for (String k : List.of("id", "previousEventId", "type")) {
                if (!pyEquals(e.get(k), a.get(k))) {
                    return "events[" + i + "]." + k + ": expected " + shortText(e.get(k)) + ", got "
                            + shortText(a.get(k)) + " (expected event " + shortText(eventKey(e, false))
                            + ", got " + shortText(eventKey(a, false)) + ")";
                }
            }
            String d = compareValues(eventKey(e, withOutput), eventKey(a, withOutput), "events[" + i + "]");
            if (d != null) {
                return d;
            }
            i++;
        }
        if (actual.size() > n) {
            return "events: expected " + n + " events, got " + actual.size() + "; extra events[" + n + "]: "
                    + shortText(eventKey(actual.get(n), false));
        }
        return null;
    }

    /** Copy of the value without any object member whose key is in {@code keys}, at any depth. */
    static JsonNode stripKeys(JsonNode node, Set<String> keys) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            node.fields().forEachRemaining(f -> {
                if (!keys.contains(f.getKey())) {
                    out.set(f.getKey(), stripKeys(f.getValue(), keys));
                }
            });
            return out;
        }
        if (node.isArray()) {
            var out = NODES.arrayNode();
            node.forEach(v -> out.add(stripKeys(v, keys)));
            return out;
        }
        return node;
    }

    static String shortText(JsonNode value) {
        String s = PythonJson.dumpsSorted(value);
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    static boolean isNone(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static boolean isParallelNormalised(JsonNode event) {
        JsonNode id = event.get("id");
        return id != null && id.isArray() && id.size() == 1 && id.get(0).isNumber() && id.get(0).asLong() == 0;
    }

    private static JsonNode eventKey(JsonNode e, boolean withOutput) {
        ObjectNode key = NODES.objectNode();
        key.set("type", e.get("type") == null ? NODES.nullNode() : e.get("type"));
        for (String det : List.of("stateEnteredEventDetails", "stateExitedEventDetails")) {
            JsonNode details = e.get(det);
            if (details != null) {
                ObjectNode k = key.putObject(det);
                k.set("name", details.get("name") == null ? NODES.nullNode() : details.get("name"));
                if (withOutput && det.equals("stateExitedEventDetails") && details.has("output")) {
                    k.set("output", details.get("output"));
                }
            }
        }
        return key;
    }

    /** Python's {@code ==} on JSON values: numbers by value, containers structurally. */
    static boolean pyEquals(JsonNode a, JsonNode b) {
        if (isNone(a) || isNone(b)) {
            return isNone(a) && isNone(b);
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!pyEquals(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (!names(a).equals(names(b))) {
                return false;
            }
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!pyEquals(a.get(k), b.get(k))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static Pattern placeholderRegex(String expected) {
        StringBuilder rx = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(expected);
        int pos = 0;
        while (m.find()) {
            rx.append(Pattern.quote(expected.substring(pos, m.start()))).append("(.*?)");
            pos = m.end();
        }
        rx.append(Pattern.quote(expected.substring(pos)));
        return Pattern.compile(rx.toString(), Pattern.DOTALL);
    }

    private static String mismatch(String path, JsonNode expected, JsonNode actual) {
        return path + ": expected " + shortText(expected) + ", got " + shortText(actual);
    }

    private static Set<String> names(JsonNode obj) {
        Set<String> out = new TreeSet<>();
        obj.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String pyList(Set<String> names) {
        return names.stream().map(s -> "'" + s + "'").toList().toString();
    }
}
