package io.jenkins.plugins.stepfunctions.plugin.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.bridge.connect.Connection;
import io.jenkins.plugins.stepfunctions.plugin.build.StepFunctionsRunAction;
import io.jenkins.plugins.stepfunctions.plugin.connect.ConnectionResolver;
import io.jenkins.plugins.stepfunctions.plugin.connect.StepFunctionsSettings;
import io.jenkins.plugins.stepfunctions.plugin.runtime.JenkinsServices;
import io.jenkins.plugins.stepfunctions.plugin.runtime.WorkspaceFiles;
import java.io.IOException;
import java.io.PrintStream;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * What a step gets from Jenkins, looked up once per start or resume: the log, the build, its environment and
 * workspace, the connection (of the enclosing {@code withStepFunctions} block, or the freestyle step's own), and
 * the id of the Pipeline step's flow node ({@code stepId}: unique in the build, kept across restarts; null in
 * freestyle), from which execution names are derived.
 */
public record BuildContext(JenkinsServices services, PrintStream log, Run<?, ?> run, EnvVars env, WorkspaceFiles workspace,
        StepFunctionsRunAction action, Connection connection, String stepId) {

    public static BuildContext of(StepContext context) throws IOException, InterruptedException {
        JenkinsServices services = JenkinsServices.of(context);
        TaskListener listener = context.get(TaskListener.class);
        Run<?, ?> run = context.get(Run.class);
        EnvVars env = context.get(EnvVars.class);
        if (env == null) {
            env = new EnvVars();
        }
        FilePath workspace = context.get(FilePath.class);
        StepFunctionsSettings settings = context.get(StepFunctionsSettings.class);
        Connection connection = new ConnectionResolver(services)
                .resolve(settings == null ? StepFunctionsSettings.none() : settings, env, run);
        FlowNode node = context.get(FlowNode.class);
        return new BuildContext(services, listener.getLogger(), run, env,
                services.workspace(workspace),
                StepFunctionsRunAction.of(run, services), connection, node == null ? null : node.getId());
    }

    /** For a step that calls no AWS API (sfnTest): no connection is resolved, so none needs configuring. */
    public static BuildContext withoutConnection(StepContext context) throws IOException, InterruptedException {
        JenkinsServices services = JenkinsServices.of(context);
        Run<?, ?> run = context.get(Run.class);
        EnvVars env = context.get(EnvVars.class);
        FlowNode node = context.get(FlowNode.class);
        return new BuildContext(services, context.get(TaskListener.class).getLogger(), run, env == null ? new EnvVars() : env,
                services.workspace(context.get(FilePath.class)), null, null, node == null ? null : node.getId());
    }

    public AwsClients clients() {
        return new AwsClients(connection);
    }
}
