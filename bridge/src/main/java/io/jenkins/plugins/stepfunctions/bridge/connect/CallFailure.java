package io.jenkins.plugins.stepfunctions.bridge.connect;

import io.jenkins.plugins.stepfunctions.bridge.BridgeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What went wrong with a call to Step Functions, told apart once for every front end (the CLI's exit codes and
 * lines, the Jenkins steps' one-line errors): a user's mistake the bridge caught, an AWS error with its code, an
 * endpoint that is not Step Functions, no credentials, no connection. {@link #message()} says what happened in
 * words any front end can print; each front end adds the fix in its own terms ({@code --endpoint} or the
 * {@code endpoint} of {@code withStepFunctions}).
 *
 * @param errorCode AWS's error code (or the bridge's error name), null when there is none
 * @param status    the HTTP status, 0 when no answer arrived
 */
public record CallFailure(Kind kind, String errorCode, int status, String message) {

    public enum Kind {
        /** A mistake the bridge caught before or while calling ({@link BridgeException}): its message names the field. */
        USER_INPUT,
        /** Step Functions answered with an error code ({@code ExecutionDoesNotExist}, {@code AccessDeniedException}...). */
        SERVICE,
        /** Something answered HTTP without a Step Functions error: the endpoint is not Step Functions. */
        NOT_STEP_FUNCTIONS,
        /** The SDK found no credentials to sign with. */
        NO_CREDENTIALS,
        /** No answer: connection refused, DNS, TLS, timeout. */
        UNREACHABLE,
        /** Not a failure of a call: a defect, reported with its stack trace by the caller. */
        UNEXPECTED
    }

    /** Classifies {@code error}, looking through the wrappers futures add. */
    public static CallFailure of(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof BridgeException b) {
            return new CallFailure(Kind.USER_INPUT, b.errorName(), 0, b.getMessage());
        }
        if (e instanceof AwsServiceException aws) {
            if (aws.awsErrorDetails() == null || aws.awsErrorDetails().errorCode() == null) {
                return new CallFailure(Kind.NOT_STEP_FUNCTIONS, null, aws.statusCode(), "the endpoint answered HTTP "
                        + aws.statusCode() + " without a Step Functions error: it is not a Step Functions endpoint");
            }
            String code = aws.awsErrorDetails().errorCode();
            return new CallFailure(Kind.SERVICE, code, aws.statusCode(), code + ": " + aws.awsErrorDetails().errorMessage());
        }
        if (e instanceof SdkClientException client) {
            String m = client.getMessage() == null ? "" : client.getMessage();
            if (m.contains("credentials") || m.contains("Credentials")) {
                return new CallFailure(Kind.NO_CREDENTIALS, null, 0, "no AWS credentials found: " + credentialsProblem(m));
            }
            return new CallFailure(Kind.UNREACHABLE, null, 0, "cannot reach Step Functions: " + firstLine(m));
        }
        if (e instanceof SdkException sdk) {
            return new CallFailure(Kind.UNREACHABLE, null, 0, "Step Functions call failed: " + firstLine(sdk.getMessage()));
        }
        return new CallFailure(Kind.UNEXPECTED, null, 0, String.valueOf(e));
    }

    /** The exception {@link #of} classified: the cause of a future's wrapper, else the error itself. */
    public static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
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
