package io.jenkins.plugins.stepfunctions.engine.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.engine.dataflow.ChoiceRules;
import io.jenkins.plugins.stepfunctions.engine.dataflow.IntrinsicFunctions;
import io.jenkins.plugins.stepfunctions.engine.dataflow.JsonPaths;
import io.jenkins.plugins.stepfunctions.engine.dataflow.JsonataExpressions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns definition text into the {@link State} model while collecting every problem as a
 * {@link Diagnostic} with AWS's code and a JSON-pointer location. One instance per definition.
 */
final class DefinitionParser {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    private static final Set<String> FLOW = Set.of("Next", "End");
    private static final Set<String> PATH_IO = Set.of("InputPath", "OutputPath");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Pass", union(COMMON, FLOW, PATH_IO, Set.of("Parameters", "Result", "ResultPath", "Output", "Assign")),
            "Task", union(COMMON, FLOW, PATH_IO, Set.of("Resource", "Parameters", "ResultSelector", "ResultPath",
                    "Retry", "Catch", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds",
                    "HeartbeatSecondsPath", "Credentials", "Arguments", "Output", "Assign")),
            "Choice", union(COMMON, PATH_IO, Set.of("Choices", "Default", "Output", "Assign")),
            "Wait", union(COMMON, FLOW, PATH_IO, Set.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath",
                    "Output", "Assign")),
            "Succeed", union(COMMON, PATH_IO, Set.of("Output")),
            "Fail", union(COMMON, Set.of("Error", "Cause", "ErrorPath", "CausePath")),
            "Parallel", union(COMMON, FLOW, PATH_IO, Set.of("Branches", "Parameters", "ResultSelector", "ResultPath",
                    "Retry", "Catch", "Arguments", "Output", "Assign")),
            "Map", union(COMMON, FLOW, PATH_IO, Set.of("Iterator", "ItemProcessor", "ItemsPath", "Items",
                    "ItemSelector", "Parameters", "MaxConcurrency", "MaxConcurrencyPath", "ResultSelector",
                    "ResultPath", "Retry", "Catch", "ToleratedFailureCount", "ToleratedFailureCountPath",
                    "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ItemReader", "ItemBatcher",
                    "ResultWriter", "Label", "Arguments", "Output", "Assign")));
    private static final Set<String> JSONPATH_ONLY = Set.of("InputPath", "OutputPath", "Parameters", "ResultSelector",
            "ResultPath", "ItemsPath", "TimeoutSecondsPath", "HeartbeatSecondsPath", "SecondsPath", "TimestampPath",
            "MaxConcurrencyPath", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath", "ErrorPath",
            "CausePath");
    private static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output");

    /** {@code $states.context}, or {@code $states} as a whole, in a JSONata expression. */
    private static final java.util.regex.Pattern CONTEXT_IN_JSONATA =
            java.util.regex.Pattern.compile("\\$states(?![\\w.])|\\$states\\.context");

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Null when the text is not a JSON object (a diagnostic says why). */
    JsonNode read(String json) {
        if (json == null || json.isBlank()) {
            error("SCHEMA_VALIDATION_FAILED", "/", "The definition is empty: send an Amazon States Language "
                    + "JSON object with StartAt and States.");
            return null;
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                error("SCHEMA_VALIDATION_FAILED", "/", "The definition must be a JSON object with StartAt and States.");
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            error("INVALID_JSON_DESCRIPTION", "/", "The definition is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "). Fix the JSON syntax.");
            return null;
        }
    }

    QueryLanguage topLanguage(JsonNode root) {
        JsonNode ql = root.get("QueryLanguage");
        if (ql != null && !(ql.isTextual() && (ql.asText().equals("JSONPath") || ql.asText().equals("JSONata")))) {
            error("SCHEMA_VALIDATION_FAILED", "/QueryLanguage", "QueryLanguage must be \"JSONPath\" or \"JSONata\".");
        }
        return ql == null ? QueryLanguage.JSONPATH : QueryLanguage.of(ql.asText());
    }

    Graph graph(JsonNode node, String at, QueryLanguage language) {
        JsonNode startAt = node.get("StartAt");
        JsonNode states = node.get("States");
        if (startAt == null || !startAt.isTextual()) {
            error("SCHEMA_VALIDATION_FAILED", at + "/StartAt", "Field 'StartAt' is required and must be the "
                    + "name of the first state.");
        }
        if (states == null || !states.isObject() || states.isEmpty()) {
            error("SCHEMA_VALIDATION_FAILED", at + "/States", "Field 'States' is required and must be an object "
                    + "with at least one state.");
            return new Graph(startAt == null ? null : startAt.asText(), Map.of());
        }
        Map<String, State> parsed = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String loc = at + "/States/" + pointerEscape(name);
            if (name.isEmpty() || name.length() > 80) {
                error("SCHEMA_VALIDATION_FAILED", loc, "State name '" + name + "' must be 1 to 80 characters long.");
            }
            State s = state(name, e.getValue(), loc, language);
            if (s != null) {
                parsed.put(name, s);
            }
        }
        if (startAt != null && startAt.isTextual() && !states.has(startAt.asText())) {
            error("MISSING_TRANSITION_TARGET", at + "/StartAt", "Missing 'StartAt' target: " + startAt.asText()
                    + ". Name one of the states: " + String.join(", ", fieldNames(states)) + ".");
        }
        checkTargets(parsed, states, at);
        if (startAt != null && parsed.containsKey(startAt.asText()) && parsed.size() == fieldNames(states).size()) {
            checkReachability(startAt.asText(), parsed, at);
        }
        return new Graph(startAt == null ? null : startAt.asText(), parsed);
    }

    private void checkTargets(Map<String, State> parsed, JsonNode states, String at) {
        boolean hasTerminal = false;
        for (State s : parsed.values()) {
            String loc = at + "/States/" + pointerEscape(s.name());
            for (var t : targets(s).entrySet()) {
                if (!states.has(t.getKey())) {
                    error("MISSING_TRANSITION_TARGET", loc + t.getValue(), "Missing 'Next' target: " + t.getKey()
                            + ". Name one of the states: " + String.join(", ", fieldNames(states)) + ".");
                }
            }
            hasTerminal |= s instanceof State.Succeed || s instanceof State.Fail
                    || (!(s instanceof State.Choice) && s.transition().end());
        }
        if (!hasTerminal && !parsed.isEmpty() && parsed.size() == fieldNames(states).size()) {
            error("MISSING_END_STATE", at.isEmpty() ? "/" : at, "Workflow has no terminal state: give one state "
                    + "\"End\": true, or add a Succeed or Fail state.");
        }
    }

    /** Target name -> location suffix of the field naming it. */
    private static Map<String, String> targets(State s) {
        Map<String, String> out = new LinkedHashMap<>();
        if (s instanceof State.Choice c) {
            for (int i = 0; i < c.choices().size(); i++) {
                if (c.choices().get(i).next() != null) {
                    out.putIfAbsent(c.choices().get(i).next(), "/Choices/" + i + "/Next");
                }
            }
            if (c.defaultNext() != null) {
                out.putIfAbsent(c.defaultNext(), "/Default");
            }
        } else if (s.transition().next() != null) {
            out.put(s.transition().next(), "/Next");
        }
        for (int i = 0; i < s.catchers().size(); i++) {
            if (s.catchers().get(i).next() != null) {
                out.putIfAbsent(s.catchers().get(i).next(), "/Catch/" + i + "/Next");
            }
        }
        return out;
    }

    private void checkReachability(String start, Map<String, State> parsed, String at) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            String n = todo.poll();
            State s = parsed.get(n);
            if (s != null && seen.add(n)) {
                todo.addAll(targets(s).keySet());
            }
        }
        for (String n : parsed.keySet()) {
            if (!seen.contains(n)) {
                error("UNREACHABLE_STATE", at + "/States/" + pointerEscape(n), "State '" + n + "' is not reachable "
                        + "from StartAt. Point a Next, Default or Catch at it, or delete it.");
            }
        }
    }

    /**
     * TestState's state given alone (no StartAt/States around it): parsed as a state of a JSONPath
     * machine named {@code name}. Its Next, Default and Catch targets are not checked, since the
     * states they name are not part of the definition.
     */
    State singleState(String name, JsonNode node) {
        return state(name, node, "", QueryLanguage.JSONPATH);
    }

    private State state(String name, JsonNode node, String loc, QueryLanguage top) {
        if (!node.isObject()) {
            error("SCHEMA_VALIDATION_FAILED", loc, "State '" + name + "' must be a JSON object.");
            return null;
        }
        JsonNode typeNode = node.get("Type");
        if (typeNode == null || !typeNode.isTextual()) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/Type", "Field 'Type' is required: one of "
                    + String.join(", ", FIELDS.keySet().stream().sorted().toList()) + ".");
            return null;
        }
        String type = typeNode.asText();
        Set<String> allowed = FIELDS.get(type);
        if (allowed == null) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/Type", "'" + type + "' is not a valid state type: use one of "
                    + String.join(", ", FIELDS.keySet().stream().sorted().toList()) + ".");
            return null;
        }
        QueryLanguage language = top;
        JsonNode ql = node.get("QueryLanguage");
        if (ql != null) {
            if (!ql.isTextual() || !(ql.asText().equals("JSONPath") || ql.asText().equals("JSONata"))) {
                error("SCHEMA_VALIDATION_FAILED", loc + "/QueryLanguage", "QueryLanguage must be \"JSONPath\" or "
                        + "\"JSONata\".");
            } else {
                language = QueryLanguage.of(ql.asText());
                if (top == QueryLanguage.JSONATA && language == QueryLanguage.JSONPATH) {
                    error("SCHEMA_VALIDATION_FAILED", loc + "/QueryLanguage", "A state cannot use JSONPath when the "
                            + "state machine's top-level QueryLanguage is JSONata: remove the state's QueryLanguage.");
                }
            }
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                error("SCHEMA_VALIDATION_FAILED", loc + "/" + pointerEscape(f), "Field '" + f
                        + "' is not supported by " + type + " states: remove it (supported: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ").");
            } else if (language == QueryLanguage.JSONATA && JSONPATH_ONLY.contains(f)) {
                error("SCHEMA_VALIDATION_FAILED", loc + "/" + f, "Field '" + f + "' is a JSONPath field and this "
                        + "state uses JSONata: use Arguments, Output and {% %} expressions instead.");
            } else if (language == QueryLanguage.JSONPATH && JSONATA_ONLY.contains(f)) {
                error("SCHEMA_VALIDATION_FAILED", loc + "/" + f, "Field '" + f + "' requires \"QueryLanguage\": "
                        + "\"JSONata\": set it on the state or the state machine, or use Parameters/OutputPath.");
            }
        }
        StateIo io = io(node, loc, language);
        return switch (type) {
            case "Pass" -> new State.Pass(name, io, transition(node, loc), node.get("Result"));
            case "Task" -> task(name, node, loc, io, top);
            case "Choice" -> choice(name, node, loc, io);
            case "Wait" -> waitState(name, node, loc, io);
            case "Succeed" -> new State.Succeed(name, io);
            case "Fail" -> fail(name, node, loc, io);
            case "Parallel" -> parallel(name, node, loc, io, top);
            default -> map(name, node, loc, io, top);
        };
    }

    private StateIo io(JsonNode node, String loc, QueryLanguage language) {
        String inputPath = path(node, "InputPath", loc);
        String outputPath = path(node, "OutputPath", loc);
        String resultPath = path(node, "ResultPath", loc);
        JsonNode parameters = node.get("Parameters");
        JsonNode resultSelector = node.get("ResultSelector");
        if (language == QueryLanguage.JSONPATH) {
            template(parameters, loc + "/Parameters");
            template(resultSelector, loc + "/ResultSelector");
            template(node.get("Assign"), loc + "/Assign");
        } else {
            jsonata(node.get("Arguments"), loc + "/Arguments");
            jsonata(node.get("Output"), loc + "/Output");
            jsonata(node.get("Assign"), loc + "/Assign");
        }
        JsonNode assign = node.get("Assign");
        if (assign != null && !assign.isObject()) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/Assign", "Assign must be an object of variable names to values.");
        }
        String text = node.toString();
        boolean usesContext = text.contains("$$") || CONTEXT_IN_JSONATA.matcher(text).find();
        return new StateIo(language, inputPath, outputPath, resultPath, parameters, resultSelector,
                node.get("Arguments"), node.get("Output"), assign, usesContext);
    }

    /** "$" when absent, null when JSON null, else the checked path. */
    private String path(JsonNode node, String field, String loc) {
        JsonNode v = node.get(field);
        if (v == null) {
            return "$";
        }
        if (v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/" + field, field + " must be a JSONPath string such as \"$.x\""
                    + " or null.");
            return "$";
        }
        if (field.equals("ResultPath")) {
            String problem = guarded(() -> JsonPaths.checkReferencePathSyntax(v.asText()));
            if (problem != null) {
                error("SCHEMA_VALIDATION_FAILED", loc + "/" + field, "The value for the field 'ResultPath' must be a "
                        + "valid reference path (no wildcards, filters or slices): " + v.asText() + " (" + problem
                        + ").");
                return "$";
            }
        }
        checkPath(v.asText(), loc + "/" + field, field);
        return v.asText();
    }

    private String optionalPath(JsonNode node, String field, String loc) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/" + field, field + " must be a JSONPath string such as \"$.x\".");
            return null;
        }
        checkPath(v.asText(), loc + "/" + field, field);
        return v.asText();
    }

    private void checkPath(String path, String loc, String field) {
        String problem;
        if (path.startsWith("States.")) {
            problem = guarded(() -> IntrinsicFunctions.checkSyntax(path));
        } else {
            problem = guarded(() -> JsonPaths.checkSyntax(path));
        }
        if (problem != null) {
            error("SCHEMA_VALIDATION_FAILED", loc, "The value of " + field + " is not a valid JSONPath: " + path
                    + " (" + problem + "). Use a path starting with $, such as $.result.");
        }
    }

    /** Checks the {@code .$} entries of a payload template. */
    private void template(JsonNode template, String loc) {
        if (template == null) {
            return;
        }
        if (template.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = loc + "/" + pointerEscape(e.getKey());
                if (e.getKey().endsWith(".$")) {
                    if (!e.getValue().isTextual()) {
                        error("SCHEMA_VALIDATION_FAILED", at, "The value of a field ending in .$ must be a JSONPath or "
                                + "an intrinsic function call string.");
                    } else {
                        checkPath(e.getValue().asText(), at, "'" + e.getKey() + "'");
                    }
                } else {
                    template(e.getValue(), at);
                }
            }
        } else if (template.isArray()) {
            for (int i = 0; i < template.size(); i++) {
                template(template.get(i), loc + "/" + i);
            }
        }
    }

    private void jsonata(JsonNode template, String loc) {
        if (template == null) {
            return;
        }
        String problem = guarded(() -> JsonataExpressions.checkSyntax(template));
        if (problem != null) {
            error("SCHEMA_VALIDATION_FAILED", loc, "Invalid JSONata expression: " + problem
                    + ". Write expressions as \"{% expression %}\".");
        }
    }

    /** Dataflow checks that are not available yet do not block definitions. */
    private static String guarded(java.util.function.Supplier<String> check) {
        try {
            return check.get();
        } catch (UnsupportedOperationException notYet) {
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    private Transition transition(JsonNode node, String loc) {
        JsonNode next = node.get("Next");
        JsonNode end = node.get("End");
        boolean isEnd = end != null && end.isBoolean() && end.asBoolean();
        if (end != null && !end.isBoolean()) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/End", "End must be true or false.");
        }
        if (next != null && !next.isTextual()) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/Next", "Next must be the name of a state.");
            next = null;
        }
        if (next != null && isEnd) {
            error("SCHEMA_VALIDATION_FAILED", loc, "A state cannot have both Next and \"End\": true: keep one.");
        } else if (next == null && !isEnd) {
            error("SCHEMA_VALIDATION_FAILED", loc, "This state has neither Next nor \"End\": true: add \"Next\": "
                    + "\"<state>\" or \"End\": true.");
        }
        return new Transition(next == null ? null : next.asText(), next == null);
    }

    private State task(String name, JsonNode node, String loc, StateIo io, QueryLanguage top) {
        JsonNode resource = node.get("Resource");
        if (resource == null || !resource.isTextual() || !resource.asText().startsWith("arn:")) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/Resource", "Field 'Resource' is required and must be an ARN, "
                    + "e.g. arn:aws:states:::lambda:invoke or an activity ARN.");
        }
        exclusive(node, loc, "TimeoutSeconds", "TimeoutSecondsPath");
        exclusive(node, loc, "HeartbeatSeconds", "HeartbeatSecondsPath");
        positiveInt(node, "TimeoutSeconds", loc, io);
        positiveInt(node, "HeartbeatSeconds", loc, io);
        JsonNode t = node.get("TimeoutSeconds");
        JsonNode h = node.get("HeartbeatSeconds");
        if (t != null && h != null && t.isNumber() && h.isNumber() && h.asLong() >= t.asLong()) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/HeartbeatSeconds", "HeartbeatSeconds must be smaller than "
                    + "TimeoutSeconds.");
        }
        return new State.Task(name, io, transition(node, loc), resource == null ? "" : resource.asText(),
                ValueSource.of("TimeoutSeconds", t, "TimeoutSecondsPath", optionalPath(node, "TimeoutSecondsPath", loc),
                        io.jsonata()),
                ValueSource.of("HeartbeatSeconds", h, "HeartbeatSecondsPath",
                        optionalPath(node, "HeartbeatSecondsPath", loc), io.jsonata()),
                node.get("Credentials"),
                retriers(node, loc), catchers(node, loc, io));
    }

    private void positiveInt(JsonNode node, String field, String loc, StateIo io) {
        JsonNode v = node.get(field);
        if (v == null || (io.jsonata() && v.isTextual())) {
            return;
        }
        if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > 99999999) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/" + field, field + " must be a positive integer (1 to "
                    + "99999999).");
        }
    }

    private void exclusive(JsonNode node, String loc, String a, String b) {
        if (node.has(a) && node.has(b)) {
            error("SCHEMA_VALIDATION_FAILED", loc, "Fields '" + a + "' and '" + b + "' are mutually exclusive: "
                    + "keep one.");
        }
    }

    private State choice(String name, JsonNode node, String loc, StateIo io) {
        JsonNode choices = node.get("Choices");
        List<State.ChoiceBranch> branches = new ArrayList<>();
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/Choices", "Field 'Choices' is required and must be a "
                    + "non-empty array of choice rules.");
        } else {
            for (int i = 0; i < choices.size(); i++) {
                JsonNode rule = choices.get(i);
                String at = loc + "/Choices/" + i;
                JsonNode next = rule.get("Next");
                if (next == null || !next.isTextual()) {
                    error("SCHEMA_VALIDATION_FAILED", at + "/Next", "Each choice rule needs \"Next\": \"<state>\".");
                }
                if (io.jsonata()) {
                    if (!rule.has("Condition")) {
                        error("SCHEMA_VALIDATION_FAILED", at, "A JSONata choice rule needs \"Condition\": "
                                + "\"{% <boolean expression> %}\".");
                    } else {
                        jsonata(rule.get("Condition"), at + "/Condition");
                    }
                } else {
                    diagnostics.addAll(ChoiceRules.validate(rule, at));
                    template(rule.get("Assign"), at + "/Assign");
                }
                branches.add(new State.ChoiceBranch(io.jsonata() ? null : ChoiceRules.compile(rule),
                        rule.get("Condition"), next == null ? null : next.asText(), rule.get("Output"),
                        rule.get("Assign")));
            }
        }
        JsonNode def = node.get("Default");
        return new State.Choice(name, io, List.copyOf(branches), def == null || !def.isTextual() ? null : def.asText());
    }

    private State waitState(String name, JsonNode node, String loc, StateIo io) {
        int count = 0;
        for (String f : List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")) {
            count += node.has(f) ? 1 : 0;
        }
        if (count != 1) {
            error("SCHEMA_VALIDATION_FAILED", loc, "A Wait state needs exactly one of Seconds, Timestamp, "
                    + "SecondsPath or TimestampPath.");
        }
        JsonNode seconds = node.get("Seconds");
        if (seconds != null && !(seconds.isIntegralNumber() && seconds.asLong() >= 0)
                && !(io.jsonata() && seconds.isTextual())) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/Seconds", "Seconds must be a non-negative integer.");
        }
        return new State.Wait(name, io, transition(node, loc),
                ValueSource.template("Seconds", seconds, "SecondsPath", optionalPath(node, "SecondsPath", loc),
                        io.jsonata()),
                ValueSource.template("Timestamp", node.get("Timestamp"), "TimestampPath",
                        optionalPath(node, "TimestampPath", loc), io.jsonata()));
    }

    private State fail(String name, JsonNode node, String loc, StateIo io) {
        exclusive(node, loc, "Error", "ErrorPath");
        exclusive(node, loc, "Cause", "CausePath");
        return new State.Fail(name, io,
                ValueSource.template("Error", node.get("Error"), "ErrorPath", optionalPath(node, "ErrorPath", loc),
                        io.jsonata()),
                ValueSource.template("Cause", node.get("Cause"), "CausePath", optionalPath(node, "CausePath", loc),
                        io.jsonata()));
    }

    private State parallel(String name, JsonNode node, String loc, StateIo io, QueryLanguage top) {
        JsonNode branches = node.get("Branches");
        List<Graph> graphs = new ArrayList<>();
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/Branches", "Field 'Branches' is required and must be a "
                    + "non-empty array of {StartAt, States}.");
        } else {
            for (int i = 0; i < branches.size(); i++) {
                graphs.add(graph(branches.get(i), loc + "/Branches/" + i, top));
            }
        }
        return new State.Parallel(name, io, transition(node, loc), List.copyOf(graphs), retriers(node, loc),
                catchers(node, loc, io));
    }

    private State map(String name, JsonNode node, String loc, StateIo io, QueryLanguage top) {
        JsonNode processor = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.get("Iterator");
        String field = node.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        Graph graph;
        boolean distributed = false;
        if (processor == null || !processor.isObject()) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/ItemProcessor", "A Map state needs 'ItemProcessor' (or the "
                    + "legacy 'Iterator') with StartAt and States.");
            graph = new Graph(null, Map.of());
        } else {
            graph = graph(processor, loc + "/" + field, top);
            distributed = "DISTRIBUTED".equals(processor.path("ProcessorConfig").path("Mode").asText());
        }
        exclusive(node, loc, "ItemSelector", "Parameters");
        exclusive(node, loc, "MaxConcurrency", "MaxConcurrencyPath");
        exclusive(node, loc, "ToleratedFailureCount", "ToleratedFailureCountPath");
        exclusive(node, loc, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
        JsonNode selector = node.has("ItemSelector") ? node.get("ItemSelector") : null;
        if (selector != null && !io.jsonata()) {
            template(selector, loc + "/ItemSelector");
        } else if (selector != null) {
            jsonata(selector, loc + "/ItemSelector");
        }
        if (selector == null && !io.jsonata()) {
            selector = io.parameters();
        }
        String itemsPath = node.has("ItemsPath") ? path(node, "ItemsPath", loc) : "$";
        // JSONata: Items, or (null) the input; JSONPath: ItemsPath ($ by default), or (null) the effective input
        ValueSource items = io.jsonata() ? ValueSource.template("Items", node.get("Items"), null, null, true)
                : itemsPath == null ? null : new ValueSource.Path("ItemsPath", itemsPath);
        for (String s3Field : List.of("ItemReader", "ResultWriter")) {
            if (node.has(s3Field) && !distributed && processor != null) {
                error("SCHEMA_VALIDATION_FAILED", loc + "/" + s3Field, s3Field + " needs a distributed Map: set "
                        + "ItemProcessor.ProcessorConfig.Mode to DISTRIBUTED.");
            }
        }
        // set in the order of the checks they make: the diagnostics keep it
        return State.Map.builder(name)
                .io(io)
                .transition(transition(node, loc))
                .processor(graph, distributed)
                .items(items)
                .itemSelector(selector)
                .itemReader(itemReader(node.get("ItemReader"), loc + "/ItemReader", io))
                .resultWriter(resultWriter(node.get("ResultWriter"), loc + "/ResultWriter", io))
                .label(node.path("Label").isTextual() ? node.get("Label").asText() : null)
                .maxConcurrency(ValueSource.of("MaxConcurrency", node.get("MaxConcurrency"), "MaxConcurrencyPath",
                        optionalPath(node, "MaxConcurrencyPath", loc), io.jsonata()))
                .toleratedFailureCount(ValueSource.of("ToleratedFailureCount", node.get("ToleratedFailureCount"),
                        "ToleratedFailureCountPath", optionalPath(node, "ToleratedFailureCountPath", loc),
                        io.jsonata()))
                .toleratedFailurePercentage(ValueSource.of("ToleratedFailurePercentage",
                        node.get("ToleratedFailurePercentage"), "ToleratedFailurePercentagePath",
                        optionalPath(node, "ToleratedFailurePercentagePath", loc), io.jsonata()))
                .retry(retriers(node, loc))
                .catchers(catchers(node, loc, io))
                .build();
    }

    private static final Set<String> INPUT_TYPES = Set.of("JSON", "JSONL", "CSV", "MANIFEST", "PARQUET");
    private static final Set<String> CSV_DELIMITERS = Set.of("COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB");
    private static final int MAX_ITEMS_LIMIT = 100_000_000;

    private ItemReader itemReader(JsonNode node, String loc, StateIo io) {
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            error("SCHEMA_VALIDATION_FAILED", loc, "ItemReader must be an object with Resource and Parameters.");
            return null;
        }
        unknownFields(node, loc, Set.of("Resource", "Parameters", "Arguments", "ReaderConfig"));
        String resource = node.path("Resource").asText("");
        String action = resource.equals("arn:aws:states:::s3:getObject") ? ItemReader.GET_OBJECT
                : resource.equals("arn:aws:states:::s3:listObjectsV2") ? ItemReader.LIST_OBJECTS_V2 : null;
        if (action == null) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/Resource", "ItemReader Resource must be "
                    + "arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2, not '" + resource + "'.");
        }
        JsonNode parameters = payload(node, loc, io);
        JsonNode rc = node.get("ReaderConfig");
        ItemReader.ReaderConfig config = ItemReader.ReaderConfig.NONE;
        if (rc != null && !rc.isObject()) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/ReaderConfig", "ReaderConfig must be an object.");
        } else if (rc != null) {
            config = readerConfig(rc, loc + "/ReaderConfig", io);
        }
        if (ItemReader.GET_OBJECT.equals(action) && config.inputType() == null) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/ReaderConfig", "An ItemReader with s3:getObject needs "
                    + "ReaderConfig.InputType (JSON, JSONL, CSV or MANIFEST) to know how to read the object.");
        }
        return new ItemReader(resource, action, parameters, config);
    }

    private ItemReader.ReaderConfig readerConfig(JsonNode rc, String loc, StateIo io) {
        unknownFields(rc, loc, Set.of("InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "MaxItems",
                "MaxItemsPath", "ManifestType"));
        String inputType = rc.has("InputType") ? rc.get("InputType").asText() : null;
        if (inputType != null && !INPUT_TYPES.contains(inputType)) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/InputType", "InputType must be one of " + new java.util.TreeSet<>(
                    INPUT_TYPES) + ", not '" + inputType + "'.");
        }
        String location = rc.path("CSVHeaderLocation").asText("FIRST_ROW");
        if (!location.equals("FIRST_ROW") && !location.equals("GIVEN")) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/CSVHeaderLocation", "CSVHeaderLocation must be FIRST_ROW or "
                    + "GIVEN, not '" + location + "'.");
        }
        List<String> headers = new ArrayList<>();
        JsonNode h = rc.get("CSVHeaders");
        if (h != null && (!h.isArray() || h.isEmpty())) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/CSVHeaders", "CSVHeaders must be a non-empty array of "
                    + "column names.");
        } else if (h != null) {
            h.forEach(v -> headers.add(v.asText()));
        }
        if (location.equals("GIVEN") && headers.isEmpty()) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/CSVHeaders", "CSVHeaderLocation GIVEN needs CSVHeaders, the "
                    + "column names.");
        }
        String delimiter = rc.path("CSVDelimiter").asText("COMMA");
        if (!CSV_DELIMITERS.contains(delimiter)) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/CSVDelimiter", "CSVDelimiter must be one of "
                    + new java.util.TreeSet<>(CSV_DELIMITERS) + ", not '" + delimiter + "'.");
        }
        exclusive(rc, loc, "MaxItems", "MaxItemsPath");
        JsonNode maxItems = rc.get("MaxItems");
        if (maxItems != null && !(io.jsonata() && maxItems.isTextual())
                && (!maxItems.isIntegralNumber() || maxItems.asLong() < 0 || maxItems.asLong() > MAX_ITEMS_LIMIT)) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/MaxItems", "MaxItems must be an integer from 0 to "
                    + MAX_ITEMS_LIMIT + " (0: no limit).");
        }
        if (io.jsonata() && rc.has("MaxItemsPath")) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/MaxItemsPath", "MaxItemsPath is a JSONPath field: in a "
                    + "JSONata state write MaxItems as \"{% expression %}\".");
        }
        if (maxItems != null && maxItems.isTextual()) {
            jsonata(maxItems, loc + "/MaxItems");
        }
        return new ItemReader.ReaderConfig(inputType, location, List.copyOf(headers), delimiter,
                ValueSource.of("MaxItems", maxItems, "MaxItemsPath",
                        io.jsonata() ? null : optionalPath(rc, "MaxItemsPath", loc), io.jsonata()));
    }

    private ResultWriter resultWriter(JsonNode node, String loc, StateIo io) {
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            error("SCHEMA_VALIDATION_FAILED", loc, "ResultWriter must be an object with Resource and Parameters, "
                    + "or WriterConfig.");
            return null;
        }
        unknownFields(node, loc, Set.of("Resource", "Parameters", "Arguments", "WriterConfig"));
        String resource = node.has("Resource") ? node.get("Resource").asText() : null;
        if (resource != null && !resource.equals("arn:aws:states:::s3:putObject")) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/Resource", "ResultWriter Resource must be "
                    + "arn:aws:states:::s3:putObject, not '" + resource + "'.");
        }
        JsonNode parameters = payload(node, loc, io);
        JsonNode wc = node.get("WriterConfig");
        if (resource == null && wc == null) {
            error("SCHEMA_VALIDATION_FAILED", loc, "ResultWriter needs Resource and Parameters (export to S3), "
                    + "WriterConfig (format the output), or all three.");
        }
        if (resource != null && parameters == null) {
            error("SCHEMA_VALIDATION_FAILED", loc, "ResultWriter with a Resource needs "
                    + (io.jsonata() ? "Arguments" : "Parameters") + " with Bucket and Prefix.");
        }
        String outputType = "JSON";
        String transformation = null;
        if (wc != null) {
            unknownFields(wc, loc + "/WriterConfig", Set.of("OutputType", "Transformation"));
            outputType = wc.path("OutputType").asText("JSON");
            if (!outputType.equals("JSON") && !outputType.equals("JSONL")) {
                error("SCHEMA_VALIDATION_FAILED", loc + "/WriterConfig/OutputType", "OutputType must be JSON or "
                        + "JSONL, not '" + outputType + "'.");
            }
            transformation = wc.has("Transformation") ? wc.get("Transformation").asText() : null;
            if (transformation != null && !Set.of("NONE", "COMPACT", "FLATTEN").contains(transformation)) {
                error("SCHEMA_VALIDATION_FAILED", loc + "/WriterConfig/Transformation", "Transformation must be "
                        + "NONE, COMPACT or FLATTEN, not '" + transformation + "'.");
            }
        }
        return new ResultWriter(resource, parameters, outputType, transformation);
    }

    /** Parameters (JSONPath) or Arguments (JSONata) of an ItemReader or ResultWriter, checked. */
    private JsonNode payload(JsonNode node, String loc, StateIo io) {
        String field = io.jsonata() ? "Arguments" : "Parameters";
        String other = io.jsonata() ? "Parameters" : "Arguments";
        if (node.has(other)) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/" + other, "'" + other + "' is not allowed in a "
                    + (io.jsonata() ? "JSONata" : "JSONPath") + " state: use '" + field + "'.");
        }
        JsonNode payload = node.get(field);
        if (payload == null) {
            return null;
        }
        if (io.jsonata()) {
            jsonata(payload, loc + "/" + field);
        } else {
            template(payload, loc + "/" + field);
        }
        return payload;
    }

    private void unknownFields(JsonNode node, String loc, Set<String> allowed) {
        for (String f : fieldNames(node)) {
            if (!allowed.contains(f)) {
                error("SCHEMA_VALIDATION_FAILED", loc + "/" + pointerEscape(f), "Field '" + f + "' is not supported "
                        + "here: use " + String.join(", ", new java.util.TreeSet<>(allowed)) + ".");
            }
        }
    }

    private List<Retrier> retriers(JsonNode node, String loc) {
        JsonNode retry = node.get("Retry");
        if (retry == null) {
            return List.of();
        }
        if (!retry.isArray()) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/Retry", "Retry must be an array of retriers.");
            return List.of();
        }
        List<Retrier> out = new ArrayList<>();
        for (int i = 0; i < retry.size(); i++) {
            JsonNode r = retry.get(i);
            String at = loc + "/Retry/" + i;
            List<String> errors = errorEquals(r, at, i == retry.size() - 1);
            double interval = number(r, "IntervalSeconds", at, 1, 1, 99999999);
            int maxAttempts = (int) number(r, "MaxAttempts", at, 3, 0, 99999999);
            double backoff = number(r, "BackoffRate", at, 2.0, 1.0, Double.MAX_VALUE);
            double maxDelay = number(r, "MaxDelaySeconds", at, 0, 1, 31622401);
            JsonNode jitter = r.get("JitterStrategy");
            if (jitter != null && !(jitter.asText().equals("FULL") || jitter.asText().equals("NONE"))) {
                error("SCHEMA_VALIDATION_FAILED", at + "/JitterStrategy", "JitterStrategy must be FULL or NONE.");
            }
            out.add(new Retrier(errors, interval, maxAttempts, backoff, maxDelay,
                    jitter != null && jitter.asText().equals("FULL")));
        }
        return List.copyOf(out);
    }

    private double number(JsonNode r, String field, String at, double dflt, double min, double max) {
        JsonNode v = r.get(field);
        if (v == null) {
            return dflt;
        }
        if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
            error("SCHEMA_VALIDATION_FAILED", at + "/" + field, field + " must be a number from " + fmt(min)
                    + (max < 1e15 ? " to " + fmt(max) : " up") + ".");
            return dflt;
        }
        return v.asDouble();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private List<String> errorEquals(JsonNode r, String at, boolean last) {
        JsonNode eq = r.get("ErrorEquals");
        if (eq == null || !eq.isArray() || eq.isEmpty()) {
            error("SCHEMA_VALIDATION_FAILED", at + "/ErrorEquals", "ErrorEquals is required: a non-empty array of "
                    + "error names such as [\"States.ALL\"].");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : eq) {
            out.add(e.asText());
        }
        if (out.contains("States.ALL") && (out.size() > 1 || !last)) {
            error("SCHEMA_VALIDATION_FAILED", at + "/ErrorEquals", "States.ALL must appear alone in the last "
                    + "retrier or catcher.");
        }
        return List.copyOf(out);
    }

    private List<Catcher> catchers(JsonNode node, String loc, StateIo io) {
        JsonNode c = node.get("Catch");
        if (c == null) {
            return List.of();
        }
        if (!c.isArray()) {
            error("SCHEMA_VALIDATION_FAILED", loc + "/Catch", "Catch must be an array of catchers.");
            return List.of();
        }
        List<Catcher> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            JsonNode k = c.get(i);
            String at = loc + "/Catch/" + i;
            List<String> errors = errorEquals(k, at, i == c.size() - 1);
            JsonNode next = k.get("Next");
            if (next == null || !next.isTextual()) {
                error("SCHEMA_VALIDATION_FAILED", at + "/Next", "Each catcher needs \"Next\": \"<state>\".");
            }
            String resultPath = io.jsonata() ? "$" : path(k, "ResultPath", at);
            if (io.jsonata()) {
                jsonata(k.get("Output"), at + "/Output");
                jsonata(k.get("Assign"), at + "/Assign");
            } else {
                template(k.get("Assign"), at + "/Assign");
            }
            out.add(new Catcher(errors, resultPath, next == null ? null : next.asText(), k.get("Output"),
                    k.get("Assign")));
        }
        return List.copyOf(out);
    }

    private void error(String code, String location, String message) {
        diagnostics.add(new Diagnostic("ERROR", code, location.isEmpty() ? "/" : location, message));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String pointerEscape(String s) {
        return s.replace("~", "~0").replace("/", "~1");
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> out = new HashSet<>();
        for (Set<String> s : sets) {
            out.addAll(s);
        }
        return Set.copyOf(out);
    }
}
