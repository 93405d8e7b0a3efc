package io.jenkins.plugins.stepfunctions.bridge;

/**
 * A problem a user can cause and fix: names the field (or input source), the problem and the fix.
 * Callers print {@link #getMessage()} and never a stack trace.
 */
public class BridgeException extends RuntimeException {
    private final String errorName;
    private final String field;

    public BridgeException(String errorName, String field, String problem, String fix) {
        this(errorName, field, problem, fix, null);
    }

    public BridgeException(String errorName, String field, String problem, String fix, Throwable cause) {
        super(field + ": " + problem + (fix == null ? "" : "; " + fix), cause);
        this.errorName = errorName;
        this.field = field;
    }

    /** AWS's error name where AWS has one ({@code InvalidArn}, {@code StateMachineDoesNotExist}), else ours. */
    public String errorName() {
        return errorName;
    }

    public String field() {
        return field;
    }
}
