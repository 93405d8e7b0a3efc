package io.jenkins.plugins.stepfunctions.plugin.steps;

import hudson.AbortException;
import io.jenkins.plugins.stepfunctions.bridge.BridgeException;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Errors a user can cause become {@link AbortException}s, which Jenkins prints as one line without a stack
 * trace; anything else stays as it is (a defect deserves its stack trace).
 */
final class UserErrors {
    private UserErrors() {
    }

    static Throwable forBuild(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof BridgeException bridge) {
            return new AbortException(bridge.getMessage());
        }
        if (cause instanceof AwsServiceException aws && (aws.awsErrorDetails() == null || aws.awsErrorDetails().errorCode() == null)) {
            return new AbortException("endpoint: answered HTTP " + aws.statusCode() + " without a Step Functions error:"
                    + " it is not a Step Functions endpoint; check the endpoint (and the region) of withStepFunctions or the job");
        }
        if (cause instanceof AwsServiceException aws) {
            return new AbortException(aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage());
        }
        if (cause instanceof SdkException sdk) {
            return new AbortException("Step Functions call failed: " + sdk.getMessage());
        }
        return cause;
    }
}
