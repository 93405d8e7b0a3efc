package io.jenkins.plugins.stepfunctions.engine.asl;

import java.util.List;
import java.util.stream.Collectors;

/** A definition that validation rejected; carries every ERROR diagnostic found. */
public class InvalidDefinitionException extends Exception {
    private final List<Diagnostic> diagnostics;

    public InvalidDefinitionException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream()
                .map(d -> d.code() + ": " + d.message() + " at " + d.location())
                .collect(Collectors.joining(", ")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
