package io.jenkins.plugins.stepfunctions.cli;

import io.jenkins.plugins.stepfunctions.bridge.connect.CallFailure;
import java.io.PrintWriter;

/** Turns what went wrong ({@link CallFailure}) into one line for a person and an exit code for a CI; no stack traces. */
final class CliErrors {
    private CliErrors() {
    }

    static int report(String command, Exception e, PrintWriter err) {
        int code;
        String message;
        if (e instanceof java.io.IOException io) {
            code = ExitCodes.BAD_INPUT;
            message = "cannot read or write a file: " + io.getMessage();
        } else {
            CallFailure failure = CallFailure.of(e);
            message = switch (failure.kind()) {
                case NOT_STEP_FUNCTIONS -> failure.message() + "; check --endpoint (or --region)";
                case NO_CREDENTIALS -> failure.message() + "; set AWS_PROFILE/--profile or AWS_ACCESS_KEY_ID, or use --endpoint for a local engine";
                case UNREACHABLE -> failure.message() + "; check --endpoint/--region and the network";
                case UNEXPECTED -> "unexpected error (please report it): " + failure.message();
                case USER_INPUT, SERVICE -> failure.message();
            };
            code = switch (failure.kind()) {
                case USER_INPUT, SERVICE -> codeFor(failure.errorCode());
                case NOT_STEP_FUNCTIONS, NO_CREDENTIALS, UNREACHABLE -> ExitCodes.CONNECTION;
                case UNEXPECTED -> ExitCodes.INTERNAL;
            };
        }
        err.println("sfn " + command + ": " + message);
        err.flush();
        return code;
    }

    static int codeFor(String errorName) {
        if (errorName == null) {
            return ExitCodes.INTERNAL;
        }
        return switch (errorName) {
            case "StateMachineDoesNotExist", "ExecutionDoesNotExist", "ActivityDoesNotExist", "ApprovalNotFound",
                    "ResourceNotFound" -> ExitCodes.NOT_FOUND;
            case "UnrecognizedClientException", "InvalidSignatureException", "AccessDeniedException", "AccessDenied",
                    "ExpiredTokenException", "EndpointUnreachable" -> ExitCodes.CONNECTION;
            case "ApprovalClosed" -> ExitCodes.APPROVAL_CLOSED;
            default -> ExitCodes.BAD_INPUT;
        };
    }
}
