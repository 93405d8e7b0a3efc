package io.jenkins.plugins.stepfunctions.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A parsed, validated Amazon States Language definition: the text as sent, the top-level graph,
 * the default query language and the execution timeout.
 */
public final class StateMachineDefinition {
    private final String json;
    private final Graph graph;
    private final QueryLanguage queryLanguage;
    private final Long timeoutSeconds;

    private StateMachineDefinition(String json, Graph graph, QueryLanguage queryLanguage, Long timeoutSeconds) {
        this.json = json;
        this.graph = graph;
        this.queryLanguage = queryLanguage;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Parses and validates; throws with every ERROR diagnostic when invalid. */
    public static StateMachineDefinition parse(String json) throws InvalidDefinitionException {
        DefinitionParser parser = new DefinitionParser();
        JsonNode root = parser.read(json);
        if (root == null) {
            throw new InvalidDefinitionException(parser.diagnostics());
        }
        QueryLanguage language = parser.topLanguage(root);
        Graph graph = parser.graph(root, "", language);
        JsonNode timeout = root.get("TimeoutSeconds");
        if (timeout != null && (!timeout.isIntegralNumber() || timeout.asLong() < 1)) {
            parser.diagnostics().add(new Diagnostic("ERROR", "SCHEMA_VALIDATION_FAILED", "/TimeoutSeconds",
                    "TimeoutSeconds must be a positive integer."));
        }
        JsonNode version = root.get("Version");
        if (version != null && !"1.0".equals(version.asText())) {
            parser.diagnostics().add(new Diagnostic("ERROR", "SCHEMA_VALIDATION_FAILED", "/Version",
                    "Version must be \"1.0\" (or left out)."));
        }
        List<Diagnostic> errors = parser.diagnostics().stream().filter(d -> d.severity().equals("ERROR")).toList();
        if (!errors.isEmpty()) {
            throw new InvalidDefinitionException(errors);
        }
        return new StateMachineDefinition(json, graph, language, timeout == null ? null : timeout.asLong());
    }

    /**
     * The state TestState runs: the definition is one state object, named {@code SINGLE_STATE_NAME}
     * (its transitions may name states that are not there), or, when {@code stateName} is given, a
     * whole state machine, validated as CreateStateMachine validates it, and its top-level state of
     * that name. Null when the machine has no such state.
     */
    public static State testedState(String json, String stateName) throws InvalidDefinitionException {
        if (stateName != null) {
            return parse(json).graph().state(stateName);
        }
        DefinitionParser parser = new DefinitionParser();
        JsonNode root = parser.read(json);
        if (root == null) {
            throw new InvalidDefinitionException(parser.diagnostics());
        }
        if (!root.has("Type") && root.has("States")) {
            throw new InvalidDefinitionException(List.of(new Diagnostic("ERROR", "SCHEMA_VALIDATION_FAILED", "/",
                    "The definition is a state machine (StartAt, States): name the state to test with stateName, "
                            + "or send that one state's JSON object as the definition.")));
        }
        State state = parser.singleState(SINGLE_STATE_NAME, root);
        List<Diagnostic> errors = parser.diagnostics().stream().filter(d -> d.severity().equals("ERROR")).toList();
        if (!errors.isEmpty()) {
            throw new InvalidDefinitionException(errors);
        }
        return state;
    }

    /** The name a state tested alone goes by ($$.State.Name): the one AWS's TestState gives it. */
    public static final String SINGLE_STATE_NAME = "StateName";

    /** ValidateStateMachineDefinition: every diagnostic (errors and warnings), empty when valid. */
    public static List<Diagnostic> validate(String json) {
        try {
            parse(json);
            return List.of();
        } catch (InvalidDefinitionException e) {
            return e.diagnostics();
        }
    }

    /** The definition text as the user sent it (DescribeStateMachine returns it verbatim). */
    public String json() {
        return json;
    }

    public Graph graph() {
        return graph;
    }

    public QueryLanguage queryLanguage() {
        return queryLanguage;
    }

    /** The state machine's TimeoutSeconds, or null. */
    public Long timeoutSeconds() {
        return timeoutSeconds;
    }
}
