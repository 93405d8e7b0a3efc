package io.jenkins.plugins.stepfunctions.view;

import java.util.List;

/**
 * One state of the definition. A Parallel's branches and a Map's item processor are {@code children}
 * (one graph each), drawn as boxes nested in the state's own box.
 *
 * @param end whether the execution (or the branch) may end here: End, Succeed or Fail
 */
public record NodeView(String name, String type, String comment, boolean end, List<GraphView> children) {
}
