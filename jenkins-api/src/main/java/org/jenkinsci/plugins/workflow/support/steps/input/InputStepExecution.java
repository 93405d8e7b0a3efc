// Signatures only, no upstream code: mirrors jenkinsci/pipeline-input-step-plugin src/main/java/org/jenkinsci/plugins/workflow/support/steps/input/InputStepExecution.java @ 560.v56198a_642157.
// Upstream extends AbstractStepExecutionImpl (itself a StepExecution); its constructor is package-private.
package org.jenkinsci.plugins.workflow.support.steps.input;

import org.jenkinsci.plugins.workflow.steps.StepExecution;

public class InputStepExecution extends StepExecution {
    private InputStepExecution() {
        super(null);
    }

    @Override
    public boolean start() throws Exception {
        throw new UnsupportedOperationException();
    }

    public String getId() {
        throw new UnsupportedOperationException();
    }
}
