package io.jenkins.plugins.stepfunctions.view;

import java.util.List;

/** A state machine, a Parallel branch or a Map item processor: its states and the transitions between them. */
public record GraphView(String startAt, List<NodeView> nodes, List<EdgeView> edges) {
}
