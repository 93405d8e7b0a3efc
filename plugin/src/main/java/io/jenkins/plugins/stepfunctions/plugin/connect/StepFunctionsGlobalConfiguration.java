package io.jenkins.plugins.stepfunctions.plugin.connect;

import hudson.Extension;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The administrator's section of Manage Jenkins > System: what builds may make the controller do with AWS
 * ({@link SecurityPolicy}). Saved in {@code io.jenkins.plugins.stepfunctions.plugin.connect.StepFunctionsGlobalConfiguration.xml}.
 */
@Extension
@Symbol("awsStepFunctions")
public class StepFunctionsGlobalConfiguration extends GlobalConfiguration {
    private boolean allowControllerIdentity;
    private boolean allowAnyEndpoint;

    public StepFunctionsGlobalConfiguration() {
        load();
    }

    @Override
    public String getDisplayName() {
        return "AWS Step Functions";
    }

    public boolean isAllowControllerIdentity() {
        return allowControllerIdentity;
    }

    @DataBoundSetter
    public void setAllowControllerIdentity(boolean allowControllerIdentity) {
        this.allowControllerIdentity = allowControllerIdentity;
        save();
    }

    public boolean isAllowAnyEndpoint() {
        return allowAnyEndpoint;
    }

    @DataBoundSetter
    public void setAllowAnyEndpoint(boolean allowAnyEndpoint) {
        this.allowAnyEndpoint = allowAnyEndpoint;
        save();
    }

    public SecurityPolicy policy() {
        return new SecurityPolicy(allowControllerIdentity, allowAnyEndpoint);
    }
}
