package io.jenkins.plugins.stepfunctions.cli;

/**
 * What {@code sfn run|follow|approve|reject|validate} exit with, so that a CI can branch on it.
 * Documented in docs/cli.md; changing a value is a breaking change.
 */
public final class ExitCodes {
    /** The execution SUCCEEDED; the approval was sent; the definition is valid. */
    public static final int OK = 0;
    /** The execution FAILED (a rejected approval that the state machine turns into a failure ends here too). */
    public static final int FAILED = 1;
    /** A mistake on the command line or in the input: bad JSON, input over 256 KiB, bad ARN, missing region. */
    public static final int BAD_INPUT = 2;
    /** The execution TIMED_OUT. */
    public static final int TIMED_OUT = 3;
    /** The execution was ABORTED (stopped). */
    public static final int ABORTED = 4;
    /** The state machine, execution or pending approval does not exist. */
    public static final int NOT_FOUND = 5;
    /** The endpoint cannot be reached, or the credentials are missing or refused. */
    public static final int CONNECTION = 6;
    /** {@code sfn validate} found errors in the definition. */
    public static final int INVALID_DEFINITION = 7;
    /** {@code sfn approve|reject}: the approval was already answered or closed elsewhere. */
    public static final int APPROVAL_CLOSED = 8;
    /** A bug: please report it with the message. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }

    public static int of(String executionStatus) {
        return switch (executionStatus) {
            case "SUCCEEDED" -> OK;
            case "TIMED_OUT" -> TIMED_OUT;
            case "ABORTED" -> ABORTED;
            default -> FAILED;
        };
    }
}
