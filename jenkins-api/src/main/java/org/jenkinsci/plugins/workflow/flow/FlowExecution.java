// Signatures only, no upstream code: mirrors jenkinsci/workflow-api-plugin src/main/java/org/jenkinsci/plugins/workflow/flow/FlowExecution.java @ 1413.v2ff1a_5e720fa_.
package org.jenkinsci.plugins.workflow.flow;

public abstract class FlowExecution {
    private FlowExecution() {
    }
}
