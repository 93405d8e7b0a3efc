package io.jenkins.plugins.stepfunctions.plugin.steps;

import hudson.AbortException;
import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;
import io.jenkins.plugins.stepfunctions.bridge.launch.LaunchRequest;
import io.jenkins.plugins.stepfunctions.bridge.launch.Launched;
import io.jenkins.plugins.stepfunctions.bridge.launch.Launcher;
import io.jenkins.plugins.stepfunctions.plugin.callback.CallbackRootAction;
import io.jenkins.plugins.stepfunctions.plugin.follow.ConsoleUrls;
import io.jenkins.plugins.stepfunctions.plugin.follow.LaunchOptions;
import java.io.IOException;

/** Starting an execution from a step: the bridge's launcher, then a line and a build-page entry. */
public final class StartedExecutions {
    private StartedExecutions() {
    }

    /** @param callbackSecret the secret of the callback URL to hand the execution, or null */
    public static Launched launch(BuildContext build, AwsClients clients, String stateMachine, LaunchOptions launch,
            Secret callbackSecret) throws IOException, InterruptedException {
        String callbackUrl = null;
        if (callbackSecret != null) {
            String root = build.services().rootUrl();
            if (root == null) {
                throw new AbortException("waitMode: callbacks need Jenkins' URL; set it under Manage Jenkins > System"
                        + " > Jenkins URL, or use waitMode: 'poll'");
            }
            callbackUrl = CallbackRootAction.url(root, callbackSecret);
        }
        LaunchRequest request = launch.toRequest(stateMachine, build.env(), build.workspace(), build.stepId(),
                build.action().count() + 1, callbackUrl);
        Launched launched = new Launcher(clients.sfn()).launch(request);
        String console = ConsoleUrls.execution(build.connection(), launched.executionArn());
        build.action().record(launched.executionArn(), console);
        build.log().println((launched.attached()
                ? "Attached to execution " + launched.executionArn() + " (already started with this name and input)"
                : "Started execution " + launched.executionArn()) + " of " + launched.stateMachineArn());
        build.log().println("  " + build.services().consoleLink(console, "Open in the Step Functions console"));
        return launched;
    }
}
