package io.jenkins.plugins.stepfunctions.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.asl.Catcher;
import io.jenkins.plugins.stepfunctions.engine.asl.Graph;
import io.jenkins.plugins.stepfunctions.engine.asl.Retrier;
import io.jenkins.plugins.stepfunctions.engine.asl.State;
import io.jenkins.plugins.stepfunctions.engine.asl.ValueSource;
import io.jenkins.plugins.stepfunctions.engine.dataflow.ChoiceRule;
import io.jenkins.plugins.stepfunctions.engine.dataflow.JsonataExpressions;
import io.jenkins.plugins.stepfunctions.engine.dataflow.PathScope;
import io.jenkins.plugins.stepfunctions.engine.run.ErrorMatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What test cases exercised of a definition: its states (at every depth, Parallel branches and Map
 * processors included), each Choice rule and Default, each Catch and each Retry. The items come from the
 * parsed definition; what was taken comes from the executions' histories, read along each event's
 * {@code previousEventId} (the line of control it belongs to, which keeps Parallel branches and Map
 * iterations apart). States inside a distributed Map run as child executions whose events are not in the
 * history, so they are not counted.
 */
public final class Coverage {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TASK_STARTS = Set.of("TaskScheduled", "ActivityScheduled", "LambdaFunctionScheduled");

    /** One thing a test can exercise; {@code kind} is state, choice, catch or retry. */
    public record Item(String kind, String state, int index, String label) {
        @Override
        public String toString() {
            return kind.equals("state") ? "state " + state : kind + " " + state + " " + label;
        }
    }

    /** The items of a definition and which of them were taken. */
    public record Report(List<Item> items, Set<Item> covered) {
        public static Report of(Graph graph) {
            return new Report(Coverage.items(graph), new LinkedHashSet<>());
        }

        public int total() {
            return items.size();
        }

        public int taken() {
            return (int) items.stream().filter(covered::contains).count();
        }

        public double percent() {
            return items.isEmpty() ? 100.0 : 100.0 * taken() / total();
        }

        public int total(String kind) {
            return (int) items.stream().filter(i -> i.kind().equals(kind)).count();
        }

        public int taken(String kind) {
            return (int) items.stream().filter(i -> i.kind().equals(kind) && covered.contains(i)).count();
        }

        public List<Item> missed() {
            return items.stream().filter(i -> !covered.contains(i)).toList();
        }

        /** {@code 87.5% (28/32): states 20/20, Choice branches 6/8, Catch 1/2, Retry 1/2} */
        public String summary() {
            return String.format(java.util.Locale.ROOT, "%.1f%% (%d/%d): states %d/%d, Choice branches %d/%d, Catch %d/%d, Retry %d/%d",
                    percent(), taken(), total(), taken("state"), total("state"), taken("choice"), total("choice"),
                    taken("catch"), total("catch"), taken("retry"), total("retry"));
        }
    }

    private Coverage() {
    }

    /** Every state of {@code graph} by name, nested ones included, in definition order. */
    public static Map<String, State> allStates(Graph graph) {
        Map<String, State> all = new LinkedHashMap<>();
        collect(graph, all, true);
        return all;
    }

    /** The states nested in a Parallel or Map state (every depth); empty for other states. */
    public static Map<String, State> insideStates(State state) {
        Map<String, State> inside = new LinkedHashMap<>();
        if (state instanceof State.Parallel p) {
            p.branches().forEach(b -> collect(b, inside, true));
        } else if (state instanceof State.Map m) {
            collect(m.processor(), inside, true);
        }
        return inside;
    }

    private static void collect(Graph graph, Map<String, State> into, boolean distributedToo) {
        for (State s : graph.states().values()) {
            into.put(s.name(), s);
            if (s instanceof State.Parallel p) {
                p.branches().forEach(b -> collect(b, into, distributedToo));
            } else if (s instanceof State.Map m && (distributedToo || !m.distributed())) {
                collect(m.processor(), into, distributedToo);
            }
        }
    }

    /** The coverage items of a definition, in definition order. */
    public static List<Item> items(Graph graph) {
        Map<String, State> states = new LinkedHashMap<>();
        collect(graph, states, false);
        List<Item> items = new ArrayList<>();
        for (State s : states.values()) {
            items.add(new Item("state", s.name(), 0, s.name()));
            if (s instanceof State.Choice c) {
                for (int i = 0; i < c.choices().size(); i++) {
                    items.add(new Item("choice", s.name(), i, "rule " + (i + 1) + " -> " + c.choices().get(i).next()));
                }
                if (c.defaultNext() != null) {
                    items.add(new Item("choice", s.name(), -1, "Default -> " + c.defaultNext()));
                }
            }
            List<Retrier> retry = retriers(s);
            for (int i = 0; i < retry.size(); i++) {
                items.add(new Item("retry", s.name(), i, "#" + (i + 1) + " " + retry.get(i).errorEquals()));
            }
            List<Catcher> catchers = catchers(s);
            for (int i = 0; i < catchers.size(); i++) {
                items.add(new Item("catch", s.name(), i, "#" + (i + 1) + " " + catchers.get(i).errorEquals() + " -> "
                        + catchers.get(i).next()));
            }
        }
        return items;
    }

    private static List<Retrier> retriers(State s) {
        return s instanceof State.Task t ? t.retry() : s instanceof State.Parallel p ? p.retry()
                : s instanceof State.Map m ? m.retry() : List.of();
    }

    private static List<Catcher> catchers(State s) {
        return s instanceof State.Task t ? t.catchers() : s instanceof State.Parallel p ? p.catchers()
                : s instanceof State.Map m ? m.catchers() : List.of();
    }

    /** Adds what one execution's history (GetExecutionHistory's events, in order) took to {@code report}. */
    public static void record(Report report, Graph graph, List<ObjectNode> events) {
        Map<String, State> states = allStates(graph);
        Map<Long, ObjectNode> byId = new HashMap<>();
        Map<Long, List<ObjectNode>> children = new HashMap<>();
        for (ObjectNode e : events) {
            byId.put(e.path("id").asLong(), e);
            children.computeIfAbsent(e.path("previousEventId").asLong(), k -> new ArrayList<>()).add(e);
        }
        Set<Item> taken = new LinkedHashSet<>();
        Map<Long, List<ObjectNode>> attempts = new LinkedHashMap<>();
        for (ObjectNode e : events) {
            String type = e.path("type").asText();
            if (type.endsWith("StateEntered")) {
                taken.add(new Item("state", name(e), 0, name(e)));
            }
            if (type.equals("ChoiceStateExited") && states.get(name(e)) instanceof State.Choice c) {
                String target = enteredAfter(e, children);
                Integer rule = choiceTaken(c, target, byId.get(e.path("previousEventId").asLong()));
                if (rule != null) {
                    taken.add(find(report, "choice", c.name(), rule));
                }
            }
            if (type.endsWith("StateExited") && !catchers(states.getOrDefault(name(e), NONE)).isEmpty()) {
                ObjectNode before = byId.get(e.path("previousEventId").asLong());
                if (before != null && isFailure(before.path("type").asText())) {
                    State s = states.get(name(e));
                    Integer catcher = catchTaken(catchers(s), enteredAfter(e, children), errorOf(before, e));
                    if (catcher != null) {
                        taken.add(find(report, "catch", s.name(), catcher));
                    }
                }
            }
            String owner = TASK_STARTS.contains(type) ? "TaskStateEntered" : type.equals("ParallelStateStarted")
                    ? "ParallelStateEntered" : type.equals("MapStateStarted") ? "MapStateEntered" : null;
            if (owner != null) {
                ObjectNode entered = walkBackTo(e, owner, byId);
                if (entered != null) {
                    attempts.computeIfAbsent(entered.path("id").asLong(), k -> new ArrayList<>()).add(e);
                }
            }
        }
        attempts.forEach((enteredId, starts) -> {
            State s = states.get(name(byId.get(enteredId)));
            List<Retrier> retry = retriers(s == null ? NONE : s);
            int[] used = new int[retry.size()];
            for (ObjectNode again : starts.subList(1, starts.size())) {
                ObjectNode failure = byId.get(again.path("previousEventId").asLong());
                String error = failure == null ? null : errorOf(failure, null);
                if (error == null && failure != null && failure.path("type").asText().equals("FailStateEntered")
                        && states.get(name(failure)) instanceof State.Fail f) {
                    error = writtenError(f);
                }
                for (int i = 0; i < retry.size(); i++) {
                    boolean matches = error == null || ErrorMatch.matches(retry.get(i).errorEquals(), error);
                    if (matches && used[i] < retry.get(i).maxAttempts()) {
                        used[i]++;
                        taken.add(find(report, "retry", s.name(), i));
                        break;
                    }
                    if (matches) {
                        break;
                    }
                }
            }
        });
        taken.remove(null);
        taken.stream().filter(report.items()::contains).forEach(report.covered()::add);
    }

    private static final State NONE = new State.Succeed("", null);

    private static Item find(Report report, String kind, String state, int index) {
        return report.items().stream().filter(i -> i.kind().equals(kind) && i.state().equals(state) && i.index() == index)
                .findFirst().orElse(null);
    }

    private static String name(ObjectNode event) {
        return event == null ? "" : event.path("stateEnteredEventDetails").path("name").asText(
                event.path("stateExitedEventDetails").path("name").asText(""));
    }

    /** The state entered right after {@code exited} on the same line of control, or null. */
    private static String enteredAfter(ObjectNode exited, Map<Long, List<ObjectNode>> children) {
        for (ObjectNode child : children.getOrDefault(exited.path("id").asLong(), List.of())) {
            if (child.path("type").asText().endsWith("StateEntered")) {
                return name(child);
            }
        }
        return null;
    }

    private static ObjectNode walkBackTo(ObjectNode from, String type, Map<Long, ObjectNode> byId) {
        ObjectNode e = byId.get(from.path("previousEventId").asLong());
        while (e != null && !e.path("type").asText().equals(type)) {
            e = byId.get(e.path("previousEventId").asLong());
        }
        return e;
    }

    static boolean isFailure(String type) {
        return type.endsWith("Failed") || type.endsWith("TimedOut");
    }

    /** The error a failure event names, else the {@code Error} in a caught state's output, else null. */
    private static String errorOf(ObjectNode failure, ObjectNode exited) {
        for (JsonNode details : failure) {
            if (details.isObject() && details.hasNonNull("error")) {
                return details.get("error").asText();
            }
        }
        if (exited != null) {
            try {
                JsonNode output = JSON.readTree(exited.path("stateExitedEventDetails").path("output").asText("null"));
                JsonNode found = output == null ? null : output.findValue("Error");
                return found != null && found.isTextual() ? found.asText() : null;
            } catch (Exception e) {
                return null;
            }
        }
        return null;
    }

    private static Integer catchTaken(List<Catcher> catchers, String target, String error) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < catchers.size(); i++) {
            if (catchers.get(i).next().equals(target)) {
                candidates.add(i);
            }
        }
        if (candidates.size() > 1 && error != null) {
            for (int i = 0; i < catchers.size(); i++) {
                if (ErrorMatch.matches(catchers.get(i).errorEquals(), error)) {
                    return candidates.contains(i) ? i : candidates.get(0);
                }
            }
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    /**
     * The rule that led to {@code target}: the only one whose Next it is, or, when several share it, the
     * first JSONPath rule that matches the Choice's input.
     */
    private static Integer choiceTaken(State.Choice c, String target, ObjectNode entered) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < c.choices().size(); i++) {
            if (c.choices().get(i).next().equals(target)) {
                candidates.add(i);
            }
        }
        if (target != null && target.equals(c.defaultNext())) {
            candidates.add(-1);
        }
        if (candidates.size() > 1 && entered != null) {
            try {
                JsonNode input = JSON.readTree(entered.path("stateEnteredEventDetails").path("input").asText("{}"));
                PathScope scope = new PathScope(input, JsonNodeFactory.instance.objectNode(), Map.of());
                for (int i = 0; i < c.choices().size(); i++) {
                    ChoiceRule rule = c.choices().get(i).rule();
                    if (rule == null) {
                        break;
                    }
                    if (rule.matches(scope)) {
                        return candidates.contains(i) ? i : candidates.get(0);
                    }
                }
                if (candidates.contains(-1)) {
                    return -1;
                }
            } catch (RuntimeException | java.io.IOException e) {
                // a rule reads variables or the context: fall back to the first candidate
            }
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    /** The union of several reports of the same definition. */
    static Report merge(Graph graph, Collection<Report> reports) {
        Report merged = Report.of(graph);
        reports.forEach(r -> merged.covered().addAll(r.covered()));
        return merged;
    }

    /** A Fail state's Error when the definition writes it out (not a path, not a JSONata expression), else null. */
    private static String writtenError(State.Fail f) {
        if (f.error() instanceof ValueSource.Literal l && l.value().isTextual()) {
            return l.value().asText();
        }
        if (f.error() instanceof ValueSource.Jsonata j && j.template().isTextual()
                && JsonataExpressions.expressionOf(j.template().asText()) == null) {
            return j.template().asText();
        }
        return null;
    }
}
