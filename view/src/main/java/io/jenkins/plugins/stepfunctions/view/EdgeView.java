package io.jenkins.plugins.stepfunctions.view;

/** One possible transition of the definition. {@code label} may be null (a plain Next). */
public record EdgeView(String from, String to, EdgeKind kind, String label) {
}
