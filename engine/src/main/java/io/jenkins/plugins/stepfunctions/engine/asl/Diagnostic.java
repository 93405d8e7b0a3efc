package io.jenkins.plugins.stepfunctions.engine.asl;

/**
 * One finding of definition validation, as ValidateStateMachineDefinition reports it.
 *
 * @param severity {@code ERROR} or {@code WARNING}
 * @param code     AWS's diagnostic code, e.g. {@code SCHEMA_VALIDATION_FAILED}
 * @param location JSON pointer into the definition, e.g. {@code /States/Deploy/Next}
 * @param message  the problem and the fix, for a person
 */
public record Diagnostic(String severity, String code, String location, String message) {
}
