package io.jenkins.plugins.stepfunctions.plugin.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import java.io.Serial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionDiagnostic;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;

/**
 * {@code sfnValidate(definitionFile: 'deploy.asl.json')}: checks a definition with Step Functions'
 * ValidateStateMachineDefinition (AWS, or the endpoint of the {@code withStepFunctions} block) before it is
 * deployed; prints each finding, returns them as maps, and fails the build on an error unless
 * {@code propagate: false}.
 */
public final class SfnValidateStep extends Step {
    private final String definitionFile;
    private boolean propagate = true;

    @DataBoundConstructor
    public SfnValidateStep(String definitionFile) {
        this.definitionFile = definitionFile;
    }

    public String getDefinitionFile() {
        return definitionFile;
    }

    public boolean isPropagate() {
        return propagate;
    }

    @DataBoundSetter
    public void setPropagate(boolean propagate) {
        this.propagate = propagate;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, definitionFile, propagate);
    }

    static final class Execution extends OneShotExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String definitionFile;
        private final boolean propagate;

        Execution(StepContext context, String definitionFile, boolean propagate) {
            super(context);
            this.definitionFile = definitionFile;
            this.propagate = propagate;
        }

        @Override
        protected Object call(BuildContext build) throws Exception {
            if (definitionFile == null || definitionFile.isBlank()) {
                throw new AbortException("definitionFile: no file given; name the state machine definition"
                        + " (Amazon States Language JSON) relative to the workspace");
            }
            if (build.workspace() == null) {
                throw new AbortException("definitionFile: reading '" + definitionFile + "' needs a workspace;"
                        + " call sfnValidate inside node { }");
            }
            String definition = build.workspace().read(definitionFile);
            ValidateStateMachineDefinitionResponse response;
            try (AwsClients clients = build.clients()) {
                response = clients.sfn().validateStateMachineDefinition(b -> b.definition(definition));
            }
            List<Map<String, Object>> findings = new ArrayList<>();
            int errors = 0;
            for (ValidateStateMachineDefinitionDiagnostic d : response.diagnostics()) {
                Map<String, Object> finding = new LinkedHashMap<>();
                finding.put("severity", d.severityAsString());
                finding.put("code", d.code());
                finding.put("location", d.location());
                finding.put("message", d.message());
                findings.add(finding);
                errors += "ERROR".equals(d.severityAsString()) ? 1 : 0;
                build.log().println(definitionFile + ": " + d.severityAsString() + " " + d.code()
                        + (d.location() == null ? "" : " at " + d.location()) + ": " + d.message());
            }
            build.log().println(definitionFile + ": " + (findings.isEmpty() ? "valid"
                    : errors + " error(s), " + (findings.size() - errors) + " warning(s)"));
            if (errors > 0 && propagate) {
                throw new AbortException(definitionFile + " is not a valid state machine definition (" + errors
                        + " error(s), listed above); fix them, or pass propagate: false to only report");
            }
            return findings;
        }
    }

    @Extension
    @Symbol("sfnValidate")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "sfnValidate";
        }

        @Override
        public String getDisplayName() {
            return "Validate a Step Functions state machine definition";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
        }
    }
}
