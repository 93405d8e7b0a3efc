package io.jenkins.plugins.stepfunctions.engine.asl;

/**
 * A parsed, validated Amazon States Language definition.
 * PLACEHOLDER CONTRACT: the interpreter owner replaces this with the real model
 * (keeping {@link #parse(String)} and {@link #validate(String)} as the public entry points).
 */
public final class StateMachineDefinition {
    private final String json;

    private StateMachineDefinition(String json) {
        this.json = json;
    }

    /** Parses and validates; throws with every ERROR diagnostic when invalid. */
    public static StateMachineDefinition parse(String json) throws InvalidDefinitionException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** ValidateStateMachineDefinition: every diagnostic (errors and warnings), empty when valid. */
    public static java.util.List<Diagnostic> validate(String json) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The definition text as the user sent it (DescribeStateMachine returns it verbatim). */
    public String json() {
        return json;
    }
}
