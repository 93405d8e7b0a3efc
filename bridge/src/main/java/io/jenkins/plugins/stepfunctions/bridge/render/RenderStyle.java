package io.jenkins.plugins.stepfunctions.bridge.render;

/** How log lines are written: plain text (default), text with ANSI colours, or one JSON object per line. */
public enum RenderStyle {
    PLAIN, COLOR, JSON
}
