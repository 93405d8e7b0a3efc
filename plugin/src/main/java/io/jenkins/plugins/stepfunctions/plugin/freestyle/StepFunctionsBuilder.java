package io.jenkins.plugins.stepfunctions.plugin.freestyle;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.BuildListener;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.stepfunctions.bridge.BridgeException;
import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;
import io.jenkins.plugins.stepfunctions.bridge.connect.Connection;
import io.jenkins.plugins.stepfunctions.bridge.launch.Launched;
import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowState;
import io.jenkins.plugins.stepfunctions.plugin.build.StepFunctionsRunAction;
import io.jenkins.plugins.stepfunctions.plugin.connect.ConnectionForm;
import io.jenkins.plugins.stepfunctions.plugin.connect.ConnectionResolver;
import io.jenkins.plugins.stepfunctions.plugin.connect.FormChecks;
import io.jenkins.plugins.stepfunctions.plugin.connect.StepFunctionsSettings;
import io.jenkins.plugins.stepfunctions.plugin.follow.AbortedBuilds;
import io.jenkins.plugins.stepfunctions.plugin.follow.ExecutionWatch;
import io.jenkins.plugins.stepfunctions.plugin.follow.FollowOptions;
import io.jenkins.plugins.stepfunctions.plugin.follow.LaunchOptions;
import io.jenkins.plugins.stepfunctions.plugin.follow.ResultMap;
import io.jenkins.plugins.stepfunctions.plugin.runtime.JenkinsServices;
import io.jenkins.plugins.stepfunctions.plugin.runtime.WorkspaceFiles;
import io.jenkins.plugins.stepfunctions.plugin.steps.BuildContext;
import io.jenkins.plugins.stepfunctions.plugin.steps.StartedExecutions;
import java.io.IOException;
import java.io.Serial;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The freestyle build step: starts an execution and waits for its end, streaming its transitions into the
 * console. A freestyle build holds its executor for its whole duration anyway, so this waits on the build's
 * thread (the polls themselves still run on the shared scheduler); approvals are answered on the build page.
 * Every text field may use {@code ${VAR}} from the build's environment, build parameters included.
 *
 * <p>Deliberately not a {@code SimpleBuildStep}: Pipeline's {@code step} would run it on the program's thread,
 * blocked for the whole execution and lost on a restart. Pipeline scripts use {@code sfnExecute}.
 */
public final class StepFunctionsBuilder extends Builder {
    private final String stateMachine;
    private LaunchOptions launch = new LaunchOptions();
    private FollowOptions follow = new FollowOptions();
    private String region;
    private String credentialsId;
    private String roleArn;
    private String externalId;
    private String endpoint;

    @DataBoundConstructor
    public StepFunctionsBuilder(String stateMachine) {
        this.stateMachine = stateMachine;
    }

    /**
     * XStream runs no constructor or initialiser: a config.xml that leaves out {@code <launch>} or
     * {@code <follow>} (written by hand, Job DSL or a script) gets their defaults instead of null.
     */
    @Serial
    private Object readResolve() {
        if (launch == null) {
            launch = new LaunchOptions();
        }
        if (follow == null) {
            follow = new FollowOptions();
        }
        return this;
    }

    public String getStateMachine() {
        return stateMachine;
    }

    // --- how to start (LaunchOptions) ---

    public String getQualifier() {
        return launch.getQualifier();
    }

    @DataBoundSetter
    public void setQualifier(String qualifier) {
        launch.setQualifier(qualifier);
    }

    public String getInput() {
        return launch.getInput();
    }

    @DataBoundSetter
    public void setInput(String input) {
        launch.setInput(input);
    }

    public String getInputFile() {
        return launch.getInputFile();
    }

    @DataBoundSetter
    public void setInputFile(String inputFile) {
        launch.setInputFile(inputFile);
    }

    public String getInputValues() {
        return launch.getInputValues();
    }

    @DataBoundSetter
    public void setInputValues(String inputValues) {
        launch.setInputValues(inputValues);
    }

    public String getInputEnvironment() {
        return launch.getInputEnvironment();
    }

    @DataBoundSetter
    public void setInputEnvironment(String inputEnvironment) {
        launch.setInputEnvironment(inputEnvironment);
    }

    public boolean isBuildMetadata() {
        return launch.isBuildMetadata();
    }

    @DataBoundSetter
    public void setBuildMetadata(boolean buildMetadata) {
        launch.setBuildMetadata(buildMetadata);
    }

    public String getBuildMetadataKey() {
        return launch.getBuildMetadataKey();
    }

    @DataBoundSetter
    public void setBuildMetadataKey(String buildMetadataKey) {
        launch.setBuildMetadataKey(buildMetadataKey);
    }

    public String getExecutionName() {
        return launch.getExecutionName();
    }

    @DataBoundSetter
    public void setExecutionName(String executionName) {
        launch.setExecutionName(executionName);
    }

    public String getTraceHeader() {
        return launch.getTraceHeader();
    }

    @DataBoundSetter
    public void setTraceHeader(String traceHeader) {
        launch.setTraceHeader(traceHeader);
    }

    // --- how to follow (FollowOptions) ---

    public boolean isStopOnAbort() {
        return follow.isStopOnAbort();
    }

    @DataBoundSetter
    public void setStopOnAbort(boolean stopOnAbort) {
        follow.setStopOnAbort(stopOnAbort);
    }

    public boolean isPropagate() {
        return follow.isPropagate();
    }

    @DataBoundSetter
    public void setPropagate(boolean propagate) {
        follow.setPropagate(propagate);
    }

    public int getTimeoutMinutes() {
        return follow.getTimeoutMinutes();
    }

    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        follow.setTimeoutMinutes(timeoutMinutes);
    }

    public String getRenderStyle() {
        return follow.getRenderStyle();
    }

    @DataBoundSetter
    public void setRenderStyle(String renderStyle) {
        follow.setRenderStyle(renderStyle);
    }

    public String getOutputFile() {
        return follow.getOutputFile();
    }

    @DataBoundSetter
    public void setOutputFile(String outputFile) {
        follow.setOutputFile(outputFile);
    }

    public String getHistoryFile() {
        return follow.getHistoryFile();
    }

    @DataBoundSetter
    public void setHistoryFile(String historyFile) {
        follow.setHistoryFile(historyFile);
    }

    public String getJunitFile() {
        return follow.getJunitFile();
    }

    @DataBoundSetter
    public void setJunitFile(String junitFile) {
        follow.setJunitFile(junitFile);
    }

    public String getReportFile() {
        return follow.getReportFile();
    }

    @DataBoundSetter
    public void setReportFile(String reportFile) {
        follow.setReportFile(reportFile);
    }

    public String getApprovalStates() {
        return follow.getApprovalStates();
    }

    @DataBoundSetter
    public void setApprovalStates(String approvalStates) {
        follow.setApprovalStates(approvalStates);
    }

    public String getApprovalActivities() {
        return follow.getApprovalActivities();
    }

    @DataBoundSetter
    public void setApprovalActivities(String approvalActivities) {
        follow.setApprovalActivities(approvalActivities);
    }

    public String getWaitMode() {
        return follow.getWaitMode();
    }

    @DataBoundSetter
    public void setWaitMode(String waitMode) {
        follow.setWaitMode(waitMode);
    }

    public String getEventQueueUrl() {
        return follow.getEventQueueUrl();
    }

    @DataBoundSetter
    public void setEventQueueUrl(String eventQueueUrl) {
        follow.setEventQueueUrl(eventQueueUrl);
    }

    // --- where and as whom (the Pipeline steps get these from withStepFunctions) ---

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = region;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = credentialsId;
    }

    public String getRoleArn() {
        return roleArn;
    }

    @DataBoundSetter
    public void setRoleArn(String roleArn) {
        this.roleArn = roleArn;
    }

    public String getExternalId() {
        return externalId;
    }

    @DataBoundSetter
    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String getEndpoint() {
        return endpoint;
    }

    @DataBoundSetter
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    StepFunctionsSettings settings() {
        return new StepFunctionsSettings(region, credentialsId, roleArn, externalId, endpoint);
    }

    @Override
    public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
            throws InterruptedException, IOException {
        JenkinsServices services = JenkinsServices.live();
        perform(build, services.workspace(build.getWorkspace()), build.getEnvironment(listener), listener, services);
        return true;
    }

    /**
     * The build step with the build's environment, the workspace and Jenkins' services handed in (tests hand in
     * their own): expands {@code ${VAR}} in every text field, then runs with the expanded copy.
     */
    void perform(Run<?, ?> run, WorkspaceFiles workspace, EnvVars env, TaskListener listener, JenkinsServices services)
            throws InterruptedException, IOException {
        EnvVars vars = env == null ? new EnvVars() : env;
        expanded(vars).run(run, workspace, vars, listener, services);
    }

    /** A copy of this step with {@code ${VAR}} expanded from {@code env} in every text field. */
    StepFunctionsBuilder expanded(EnvVars env) {
        StepFunctionsBuilder copy = new StepFunctionsBuilder(env.expand(stateMachine));
        copy.launch = launch.expanded(env::expand);
        copy.follow = follow.expanded(env::expand);
        copy.region = env.expand(region);
        copy.credentialsId = env.expand(credentialsId);
        copy.roleArn = env.expand(roleArn);
        copy.externalId = env.expand(externalId);
        copy.endpoint = env.expand(endpoint);
        return copy;
    }

    private void run(Run<?, ?> run, WorkspaceFiles workspace, EnvVars expanded, TaskListener listener,
            JenkinsServices services) throws InterruptedException, IOException {
        follow.style();
        follow.waitMode();
        Connection connection = new ConnectionResolver(services).resolve(settings(), expanded, run);
        BuildContext build = new BuildContext(services, listener.getLogger(), run, expanded, workspace,
                StepFunctionsRunAction.of(run, services), connection, null);
        try (AwsClients clients = build.clients()) {
            Secret callbackSecret = follow.callbacks() ? services.callbacks().issue() : null;
            Launched launched = StartedExecutions.launch(build, clients, stateMachine, launch, callbackSecret);
            // freestyle has no input step: approvals are answered on the build page (the default prompt)
            ExecutionWatch watch = ExecutionWatch.of(services, clients,
                            new FollowState(launched.executionArn(), follow.approvalRules()), build.log(), build.action())
                    .style(follow.style())
                    .callbackSecret(callbackSecret)
                    .eventQueueUrl(follow.waitMode() == FollowOptions.WaitMode.SQS ? follow.getEventQueueUrl() : null)
                    .build();
            Outcome outcome = await(watch, clients, build);
            finish(watch, outcome, build);
        } catch (BridgeException e) {
            throw new AbortException(e.getMessage());
        } catch (SdkException e) {
            throw new AbortException("Step Functions call failed: " + e.getMessage());
        }
    }

    private Outcome await(ExecutionWatch watch, AwsClients clients, BuildContext build)
            throws InterruptedException, IOException {
        CompletableFuture<Outcome> result = watch.start();
        String arn = watch.record().getExecutionArn();
        try {
            return follow.getTimeoutMinutes() > 0 ? result.get(follow.getTimeoutMinutes(), TimeUnit.MINUTES) : result.get();
        } catch (InterruptedException aborted) {
            watch.cancel();
            AbortedBuilds.stop(clients, arn, follow.isStopOnAbort(), expandedTag(build), build.log(), build.action());
            throw aborted;
        } catch (TimeoutException late) {
            watch.cancel();
            build.log().println("Timed out after " + follow.getTimeoutMinutes() + " minutes waiting for " + arn);
            AbortedBuilds.stop(clients, arn, follow.isStopOnAbort(), expandedTag(build), build.log(), build.action());
            throw new AbortException("timeoutMinutes: execution " + arn + " did not end within "
                    + follow.getTimeoutMinutes() + " minutes; raise timeoutMinutes or set it to 0 to wait without limit");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BridgeException bridge) {
                throw new AbortException(bridge.getMessage());
            }
            throw new IOException("following " + arn + " failed", e.getCause());
        }
    }

    private void finish(ExecutionWatch watch, Outcome outcome, BuildContext build)
            throws IOException, InterruptedException {
        String outputFile = follow.getOutputFile();
        if (outputFile != null || follow.getHistoryFile() != null || follow.getJunitFile() != null
                || follow.getReportFile() != null) {
            if (build.workspace() == null) {
                throw new AbortException("outputFile/historyFile/junitFile/reportFile: this build has no workspace to"
                        + " write them to");
            }
            if (outputFile != null) {
                build.workspace().write(outputFile, ResultMap.outputJson(outcome));
            }
            if (follow.getHistoryFile() != null) {
                build.workspace().write(follow.getHistoryFile(), watch.action().historyJson(watch.record()));
            }
            if (follow.getJunitFile() != null) {
                build.workspace().write(follow.getJunitFile(), watch.junitXml(outcome));
            }
            if (follow.getReportFile() != null) {
                build.workspace().write(follow.getReportFile(), watch.action().reportHtml(watch.record()));
            }
        }
        watch.action().finished(watch.record(), outcome, outputFile);
        if (!outcome.succeeded() && follow.isPropagate()) {
            throw new AbortException(outcome.describe());
        }
    }

    private static String expandedTag(BuildContext build) {
        return build.env().getOrDefault("BUILD_TAG", "");
    }

    @Extension
    @Symbol("stepFunctionsExecution")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return "Run an AWS Step Functions execution";
        }

        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return ConnectionForm.credentials(item, credentialsId);
        }

        public ListBoxModel doFillRegionItems() {
            return ConnectionForm.regions();
        }

        public ListBoxModel doFillWaitModeItems() {
            return ConnectionForm.waitModes();
        }

        public ListBoxModel doFillRenderStyleItems() {
            return ConnectionForm.renderStyles();
        }

        public FormValidation doCheckStateMachine(@QueryParameter String value) {
            return ConnectionForm.check(FormChecks.stateMachine(value));
        }

        public FormValidation doCheckInput(@QueryParameter String value) {
            return ConnectionForm.check(FormChecks.json(value));
        }

        public FormValidation doCheckRoleArn(@QueryParameter String value) {
            return ConnectionForm.check(FormChecks.roleArn(value));
        }

        public FormValidation doCheckEndpoint(@QueryParameter String value) {
            return ConnectionForm.check(FormChecks.endpoint(value));
        }
    }
}
