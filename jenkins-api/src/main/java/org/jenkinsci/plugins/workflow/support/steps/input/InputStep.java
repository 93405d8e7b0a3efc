// Signatures only, no upstream code: mirrors jenkinsci/pipeline-input-step-plugin src/main/java/org/jenkinsci/plugins/workflow/support/steps/input/InputStep.java @ 560.v56198a_642157.
// Upstream extends AbstractStepImpl (itself a Step); the plugin only builds one and starts it under its own context.
package org.jenkinsci.plugins.workflow.support.steps.input;

import hudson.model.ParameterDefinition;
import java.io.Serializable;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

public class InputStep extends Step implements Serializable {
    public InputStep(String message) {
    }

    public void setId(String id) {
        throw new UnsupportedOperationException();
    }

    public String getId() {
        throw new UnsupportedOperationException();
    }

    public void setSubmitter(String submitter) {
        throw new UnsupportedOperationException();
    }

    public void setOk(String ok) {
        throw new UnsupportedOperationException();
    }

    public void setCancel(String cancel) {
        throw new UnsupportedOperationException();
    }

    public void setParameters(List<ParameterDefinition> parameters) {
        throw new UnsupportedOperationException();
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        throw new UnsupportedOperationException();
    }
}
