package io.jenkins.plugins.stepfunctions.bridge.render;

/** What a log line reports; drives colour and lets machines filter JSON lines. */
public enum LineKind {
    EXECUTION, ENTERED, SUCCEEDED, RETRY, CAUGHT, FAILED, WAIT, STRUCTURE, PROGRESS, APPROVAL, SUMMARY, INFO
}
