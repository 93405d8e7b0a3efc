package io.jenkins.plugins.stepfunctions.cli;

import io.jenkins.plugins.stepfunctions.bridge.BridgeException;
import java.io.PrintWriter;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** Turns what went wrong into one line for a person and an exit code for a CI; no stack traces. */
final class CliErrors {
    private CliErrors() {
    }

    static int report(String command, Exception e, PrintWriter err) {
        int code;
        String message;
        if (e instanceof BridgeException b) {
            code = codeFor(b.errorName());
            message = b.getMessage();
        } else if (e instanceof SdkClientException c) {
            code = ExitCodes.CONNECTION;
            String m = c.getMessage() == null ? "" : c.getMessage();
            message = m.contains("credentials") || m.contains("Credentials")
                    ? "no AWS credentials found: " + credentialsProblem(m) + "; set AWS_PROFILE/--profile or AWS_ACCESS_KEY_ID, or use --endpoint for a local engine"
                    : "cannot reach Step Functions: " + firstLine(m) + "; check --endpoint/--region and the network";
        } else if (e instanceof SfnException s && (s.awsErrorDetails() == null || s.awsErrorDetails().errorCode() == null)) {
            code = ExitCodes.CONNECTION;
            message = "the endpoint answered HTTP " + s.statusCode() + " without a Step Functions error: it is not a Step Functions endpoint;"
                    + " check --endpoint (or --region)";
        } else if (e instanceof SfnException s) {
            code = codeFor(s.awsErrorDetails().errorCode());
            message = s.awsErrorDetails().errorCode() + ": " + s.awsErrorDetails().errorMessage();
        } else if (e instanceof SdkException s) {
            code = ExitCodes.CONNECTION;
            message = firstLine(s.getMessage());
        } else if (e instanceof java.io.IOException io) {
            code = ExitCodes.BAD_INPUT;
            message = "cannot read or write a file: " + io.getMessage();
        } else {
            code = ExitCodes.INTERNAL;
            message = "unexpected error (please report it): " + e;
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

    /** The SDK's default chain lists every provider it tried and why each failed (~1.5 KB): say it in a line. */
    private static String credentialsProblem(String sdkMessage) {
        return sdkMessage.startsWith("Unable to load credentials from any of the providers in the chain")
                ? "none in the environment, system properties, web identity token, ~/.aws profile, container or instance role"
                : firstLine(sdkMessage);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
