package io.jenkins.plugins.stepfunctions.plugin.steps;

import hudson.AbortException;
import io.jenkins.plugins.stepfunctions.bridge.connect.CallFailure;

/**
 * Errors a user can cause become {@link AbortException}s, which Jenkins prints as one line without a stack
 * trace; anything else stays as it is (a defect deserves its stack trace).
 */
final class UserErrors {
    private UserErrors() {
    }

    static Throwable forBuild(Throwable error) {
        CallFailure failure = CallFailure.of(error);
        return switch (failure.kind()) {
            case USER_INPUT, SERVICE -> new AbortException(failure.message());
            case NOT_STEP_FUNCTIONS -> new AbortException("endpoint: " + failure.message()
                    + "; check the endpoint (and the region) of withStepFunctions or the job");
            case NO_CREDENTIALS -> new AbortException(failure.message() + "; give withStepFunctions (or the job) a credentialsId"
                    + " of an AWS credential, or let the controller use its own identity in Manage Jenkins > System");
            case UNREACHABLE -> new AbortException(failure.message() + "; check the endpoint, the region and the network");
            case UNEXPECTED -> CallFailure.unwrap(error);
        };
    }
}
