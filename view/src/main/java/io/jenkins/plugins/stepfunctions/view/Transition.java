package io.jenkins.plugins.stepfunctions.view;

/** A transition the execution took, and how often: the view highlights taken edges. */
public record Transition(String from, String to, int count) {
}
