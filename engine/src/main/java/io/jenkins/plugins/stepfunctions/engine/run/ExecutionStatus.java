package io.jenkins.plugins.stepfunctions.engine.run;

/** AWS's ExecutionStatus values. */
public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE;

    public boolean isTerminal() {
        return this != RUNNING && this != PENDING_REDRIVE;
    }
}
