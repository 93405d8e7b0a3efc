package io.jenkins.plugins.stepfunctions.engine.asl;

/** Where a state goes when it succeeds: the {@code next} state, or nowhere when {@code end}. */
public record Transition(String next, boolean end) {
}
