package io.jenkins.plugins.stepfunctions.plugin.fakes;

import org.jenkinsci.plugins.workflow.graph.FlowNode;

/** A Pipeline step's flow node reduced to its id (unique in a build, kept across restarts); no graph, no actions. */
public final class FakeFlowNode extends FlowNode {
    private final String id;

    public FakeFlowNode(String id) {
        super(null, id);
        this.id = id;
    }

    @Override
    public String getId() {
        return id;
    }
}
