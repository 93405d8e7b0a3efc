package io.jenkins.plugins.stepfunctions.bridge.watch;

import io.jenkins.plugins.stepfunctions.bridge.connect.CallFailure;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryUtils;

/**
 * What the follower makes of a failed call: whether to try again, whether the endpoint has shown it is Step
 * Functions, and the sentence a build log shows when following cannot go on. The failure is classified once, by
 * the project's {@link CallFailure} (the same classifier the command line and the plugin use); throttles are
 * recognised by the SDK's own {@link RetryUtils#isThrottlingException}.
 */
final class FollowErrors {
    private FollowErrors() {
    }

    /**
     * Worth another try on the follower's schedule: no answer (connection refused, reset, timed out), a throttle,
     * a 5xx from Step Functions, or a gateway in front of it failing for a moment (502-504 without an AWS error).
     * Anything else that is not Step Functions answering fails at once.
     */
    static boolean retryable(SdkException e) {
        CallFailure f = CallFailure.of(e);
        return switch (f.kind()) {
            case SERVICE -> isThrottle(e) || f.status() >= 500 || f.status() == 0;
            case NOT_STEP_FUNCTIONS -> f.status() >= 502 && f.status() <= 504;
            default -> e instanceof SdkClientException || e.retryable();
        };
    }

    /** A throttle, as the SDK's own retry policy tells them (ThrottlingException, TooManyRequestsException, HTTP 429...). */
    static boolean isThrottle(SdkException e) {
        return RetryUtils.isThrottlingException(e);
    }

    /** An error response with an AWS error code: whatever went wrong, the endpoint is Step Functions. */
    static boolean provesStepFunctions(SdkException e) {
        return CallFailure.of(e).kind() == CallFailure.Kind.SERVICE;
    }

    /** A history call failed for good: the sentence and the fix. */
    static FollowException historyFailure(String executionArn, SdkException e) {
        CallFailure f = CallFailure.of(e);
        String problem = "cannot read the history of " + executionArn + ": " + f.message();
        if (f.kind() != CallFailure.Kind.SERVICE) {
            return new FollowException("EndpointUnreachable", problem,
                    f.kind() == CallFailure.Kind.NOT_STEP_FUNCTIONS ? "check the endpoint URL (and the region)"
                            : "check the endpoint, the region and the credentials", e);
        }
        String code = f.errorCode();
        String fix = switch (code) {
            case "ExecutionDoesNotExist" -> "check the execution ARN and the region (executions are regional)";
            case "InvalidArn" -> "use arn:aws:states:<region>:<account>:execution:<state machine>:<name>";
            case "AccessDeniedException", "AccessDenied" -> "grant states:GetExecutionHistory on the execution";
            case "UnrecognizedClientException", "InvalidSignatureException" -> "check the credentials";
            default -> "check the execution ARN, region and credentials";
        };
        return new FollowException(code, problem, fix, e);
    }

    /** Retried errors from an endpoint that never answered as Step Functions: following gives up. */
    static FollowException unreachable(String executionArn, int attempts, SdkException e) {
        return new FollowException("EndpointUnreachable", "cannot read the history of " + executionArn + " after "
                + attempts + " attempts: " + CallFailure.of(e).message(),
                "check the endpoint, the region and the credentials", e);
    }

    /** Why an answer did not get through, in a few words: AWS's error code and status, the HTTP status, or no answer. */
    static String answerProblem(SdkException e) {
        CallFailure f = CallFailure.of(e);
        return switch (f.kind()) {
            case SERVICE -> f.errorCode() + (f.status() > 0 ? " (HTTP " + f.status() + ")" : "");
            case NOT_STEP_FUNCTIONS -> "HTTP " + f.status();
            default -> f.message();
        };
    }
}
