package io.jenkins.plugins.stepfunctions.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jenkins.plugins.stepfunctions.engine.asl.Graph;
import io.jenkins.plugins.stepfunctions.engine.asl.State;
import io.jenkins.plugins.stepfunctions.engine.dataflow.JsonPaths;
import io.jenkins.plugins.stepfunctions.engine.dataflow.PathScope;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares what an execution did with what its test case expects: one line per difference, empty when it passes. */
public final class Checks {
    private Checks() {
    }

    public static List<String> differences(Suite suite, TestCaseSpec expected, Observed observed) {
        List<String> problems = new ArrayList<>();
        if (!expected.status().equals(observed.status())) {
            problems.add("status: expected " + expected.status() + ", actual " + observed.status()
                    + (observed.error() == null ? "" : " (error " + observed.error() + ", cause " + observed.cause() + ")"));
        }
        if (expected.error() != null && !expected.error().equals(observed.error())) {
            problems.add("error: expected " + expected.error() + ", actual " + observed.error());
        }
        if (expected.cause() != null && !expected.cause().equals(observed.cause())) {
            problems.add("cause: expected " + quote(expected.cause()) + ", actual " + quote(observed.cause()));
        }
        if (expected.causeContains() != null && (observed.cause() == null || !observed.cause().contains(expected.causeContains()))) {
            problems.add("cause: expected to contain " + quote(expected.causeContains()) + ", actual " + quote(observed.cause()));
        }
        Graph graph = suite.definition().graph();
        if (expected.path() != null) {
            List<String> path = observed.enteredAmong(graph.states().keySet());
            if (!expected.path().equals(path)) {
                problems.add(pathDifference("path", expected.path(), path));
            }
        }
        Map<String, State> all = Coverage.allStates(graph);
        expected.inside().forEach((container, states) -> {
            List<String> inside = observed.enteredAmong(Coverage.insideStates(all.get(container)).keySet());
            if (!states.equals(inside)) {
                problems.add(pathDifference("inside " + container, states, inside));
            }
        });
        expected.visits().forEach((state, count) -> {
            if (observed.visits(state) != count) {
                problems.add("visits " + state + ": expected " + count + ", actual " + observed.visits(state));
            }
        });
        if (expected.output() != null) {
            String mismatch = subset("$", expected.output(), observed.output());
            if (mismatch != null) {
                problems.add("output: " + mismatch + "; actual output " + observed.output());
            }
        }
        expected.outputPaths().forEach((path, value) -> {
            JsonNode actual = null;
            if (observed.output() != null) {
                try {
                    actual = JsonPaths.read(path, new PathScope(observed.output(), JsonNodeFactory.instance.objectNode(), Map.of()));
                } catch (StatesException e) {
                    actual = null;
                }
            }
            if (!Objects.equals(value, actual)) {
                problems.add("output " + path + ": expected " + value + ", actual " + (actual == null ? "nothing there" : actual));
            }
        });
        return problems;
    }

    /** Expected and actual paths, and the first step where they part. */
    static String pathDifference(String what, List<String> expected, List<String> actual) {
        int i = 0;
        while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
            i++;
        }
        String at = i < expected.size() && i < actual.size()
                ? "step " + (i + 1) + " is " + actual.get(i) + ", expected " + expected.get(i)
                : i < expected.size() ? "ends after step " + i + ", expected " + expected.get(i) + " next"
                : "goes on after step " + i + " with " + actual.get(i);
        return what + ": " + at + "\n  expected " + expected + "\n  actual   " + actual;
    }

    /**
     * Null when {@code actual} contains {@code expected}: objects need the expected fields (recursively),
     * arrays the same length with each element contained, anything else equality.
     */
    static String subset(String at, JsonNode expected, JsonNode actual) {
        if (actual == null || actual.isMissingNode()) {
            return at + " is missing, expected " + expected;
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return at + " is " + actual + ", expected an object";
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String problem = subset(at + "." + field.getKey(), field.getValue(), actual.get(field.getKey()));
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return at + " is " + actual + ", expected " + expected.size() + " elements like " + expected;
            }
            for (int i = 0; i < expected.size(); i++) {
                String problem = subset(at + "[" + i + "]", expected.get(i), actual.get(i));
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        boolean same = expected.isNumber() && actual.isNumber() ? expected.decimalValue().compareTo(actual.decimalValue()) == 0
                : expected.equals(actual);
        return same ? null : at + " is " + actual + ", expected " + expected;
    }

    private static String quote(String s) {
        return s == null ? "none" : "\"" + s + "\"";
    }
}
