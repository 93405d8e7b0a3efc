package io.jenkins.plugins.stepfunctions.view;

import java.util.List;
import java.util.Map;

/**
 * Everything the page draws: the definition's graph and what happened to each of its states.
 *
 * @param states      by state name, states never reached included
 * @param lastEventId the id of the last event read, the cursor a live page polls from
 */
public record ViewData(ExecutionSummary execution, GraphView graph, Map<String, StateView> states,
                       List<Transition> transitions, long lastEventId, int eventCount) {
}
