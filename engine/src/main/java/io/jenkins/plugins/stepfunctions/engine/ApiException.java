package io.jenkins.plugins.stepfunctions.engine;

/**
 * An API call the engine refuses, named as AWS names it ({@code ExecutionDoesNotExist},
 * {@code InvalidArn}, {@code TaskTimedOut} ...). The server sends {@link #type()} as
 * {@code __type} with HTTP 400 unless {@link #httpStatus()} says otherwise.
 * The message names the field, the problem and the fix.
 */
public class ApiException extends RuntimeException {
    private final String type;
    private final int httpStatus;

    public ApiException(String type, String message) {
        this(type, message, 400);
    }

    public ApiException(String type, String message, int httpStatus) {
        super(message);
        this.type = type;
        this.httpStatus = httpStatus;
    }

    public String type() {
        return type;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
