package io.jenkins.plugins.stepfunctions.plugin.steps;

import org.kohsuke.stapler.AncestorInPath;
import hudson.model.Item;
import org.kohsuke.stapler.QueryParameter;
import io.jenkins.plugins.stepfunctions.plugin.connect.FormChecks;
import io.jenkins.plugins.stepfunctions.plugin.connect.ConnectionForm;
import hudson.util.ListBoxModel;
import hudson.util.FormValidation;
import hudson.Extension;
import hudson.model.TaskListener;
import io.jenkins.plugins.stepfunctions.plugin.connect.StepFunctionsSettings;
import java.io.Serial;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code withStepFunctions(region: ..., credentialsId: ..., roleArn: ..., externalId: ..., endpoint: ...) { ... }}:
 * the connection the sfn steps inside the block use. Nested blocks override only what they set.
 */
public final class WithStepFunctionsStep extends Step {
    private String region;
    private String credentialsId;
    private String roleArn;
    private String externalId;
    private String endpoint;

    @DataBoundConstructor
    public WithStepFunctionsStep() {
    }

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
    public StepExecution start(StepContext context) {
        return new Execution(context, settings());
    }

    /** Runs the body with the merged settings as a context object; finishes when the body does. */
    static final class Execution extends StepExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        private final StepContext context;
        private final StepFunctionsSettings settings;

        Execution(StepContext context, StepFunctionsSettings settings) {
            super(context);
            this.context = context;
            this.settings = settings;
        }

        @Override
        public boolean start() throws Exception {
            StepFunctionsSettings outer = context.get(StepFunctionsSettings.class);
            StepFunctionsSettings effective = outer == null ? settings : outer.overriddenBy(settings);
            context.newBodyInvoker()
                    .withContext(effective)
                    .withCallback(new PassThrough())
                    .start();
            return false;
        }
    }

    /** Completes the step with the body's own result or failure. */
    static final class PassThrough extends BodyExecutionCallback {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public void onSuccess(StepContext context, Object result) {
            context.onSuccess(result);
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            context.onFailure(t);
        }
    }

    @Extension
    @Symbol("withStepFunctions")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "withStepFunctions";
        }

        @Override
        public String getDisplayName() {
            return "Use an AWS Step Functions connection (region, credentials, role, endpoint)";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class);
        }

        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return ConnectionForm.credentials(item, credentialsId);
        }

        public FormValidation doCheckRegion(@QueryParameter String value) {
            return ConnectionForm.check(FormChecks.region(value));
        }

        public FormValidation doCheckRoleArn(@QueryParameter String value) {
            return ConnectionForm.check(FormChecks.roleArn(value));
        }

        public FormValidation doCheckEndpoint(@QueryParameter String value) {
            return ConnectionForm.check(FormChecks.endpoint(value));
        }
    }
}
