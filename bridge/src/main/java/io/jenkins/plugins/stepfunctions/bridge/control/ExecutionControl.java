package io.jenkins.plugins.stepfunctions.bridge.control;

import io.jenkins.plugins.stepfunctions.bridge.BridgeException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;

/** Stop and redrive: what a build does to an execution besides starting and following it. */
public final class ExecutionControl {
    /** The error a stopped execution shows when the build was aborted. */
    public static final String BUILD_ABORTED = "Build.Aborted";

    private final SfnClient sfn;

    public ExecutionControl(SfnClient sfn) {
        this.sfn = sfn;
    }

    /** StopExecution; stopping an execution that has already ended is harmless (AWS ignores it). */
    public void stop(String executionArn, String error, String cause) {
        try {
            sfn.stopExecution(b -> b.executionArn(executionArn).error(error).cause(cause));
        } catch (ExecutionDoesNotExistException e) {
            throw notFound(executionArn);
        }
    }

    /** RedriveExecution of a FAILED, TIMED_OUT or ABORTED execution, from its unsuccessful states. */
    public void redrive(String executionArn) {
        try {
            sfn.redriveExecution(b -> b.executionArn(executionArn));
        } catch (ExecutionDoesNotExistException e) {
            throw notFound(executionArn);
        } catch (ExecutionNotRedrivableException e) {
            throw new BridgeException("ExecutionNotRedrivable", "executionArn", e.awsErrorDetails().errorMessage(),
                    "only FAILED, TIMED_OUT and ABORTED Standard executions under 14 days old can be redriven");
        }
    }

    private static BridgeException notFound(String arn) {
        return new BridgeException("ExecutionDoesNotExist", "executionArn", "execution " + arn + " does not exist",
                "check the ARN and the region");
    }
}
