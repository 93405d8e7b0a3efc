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
