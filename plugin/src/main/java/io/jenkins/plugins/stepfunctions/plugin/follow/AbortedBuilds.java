package io.jenkins.plugins.stepfunctions.plugin.follow;

import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import io.jenkins.plugins.stepfunctions.plugin.build.StepFunctionsRunAction;
import java.io.PrintStream;
import software.amazon.awssdk.core.exception.SdkException;

/** What an aborted build does to the execution it follows; the log always says which. */
public final class AbortedBuilds {
    public static final String STOP_ERROR = "Jenkins.BuildAborted";

    private AbortedBuilds() {
    }

    /**
     * Stops the execution with StopExecution when {@code stopOnAbort}, else leaves it running.
     *
     * @param buildTag names the build in the execution's stop cause
     */
    public static void stop(AwsClients clients, String executionArn, boolean stopOnAbort, String buildTag,
            PrintStream log, StepFunctionsRunAction action) {
        if (!stopOnAbort) {
            log.println("Build aborted; execution " + executionArn + " keeps running (stopOnAbort: false)");
            return;
        }
        try {
            clients.sfn().stopExecution(b -> b.executionArn(executionArn).error(STOP_ERROR)
                    .cause("Jenkins build " + buildTag + " was aborted"));
            action.find(executionArn).ifPresent(record -> action.finished(record,
                    new Outcome(executionArn, "ABORTED", null, STOP_ERROR, "build aborted", null, null), null));
            log.println("Build aborted: stopped execution " + executionArn + " (StopExecution)");
        } catch (SdkException e) {
            log.println("Build aborted, but StopExecution of " + executionArn + " failed: " + e.getMessage()
                    + "; stop it in the Step Functions console");
        }
    }
}
