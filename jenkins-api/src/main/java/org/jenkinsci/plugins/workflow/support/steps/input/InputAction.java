// Signatures only, no upstream code: mirrors jenkinsci/pipeline-input-step-plugin src/main/java/org/jenkinsci/plugins/workflow/support/steps/input/InputAction.java @ 560.v56198a_642157.
// Upstream implements RunAction2 (an Action); the plugin only removes an input id left over from before a restart.
package org.jenkinsci.plugins.workflow.support.steps.input;

import hudson.model.Action;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

public class InputAction implements Action {
    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException();
    }

    public synchronized void remove(InputStepExecution exec) throws IOException, InterruptedException, TimeoutException {
        throw new UnsupportedOperationException();
    }
}
