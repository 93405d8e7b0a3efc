// Signatures only, no upstream code: mirrors jenkinsci/workflow-api-plugin src/main/java/org/jenkinsci/plugins/workflow/graph/FlowNode.java @ 1413.v2ff1a_5e720fa_.
package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;

public abstract class FlowNode extends Actionable {
    protected FlowNode(FlowExecution exec, String id, FlowNode... parents) {
    }

    public String getId() {
        throw new UnsupportedOperationException();
    }
}
