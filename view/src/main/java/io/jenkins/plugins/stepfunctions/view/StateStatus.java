package io.jenkins.plugins.stepfunctions.view;

/** What happened to a state, as the view colours it. */
public enum StateStatus {
    NOT_REACHED,
    RUNNING,
    /** running again after a failed attempt (see {@link StateView#attempts()}) */
    RETRYING,
    /** a Wait state, until {@link StateView#waitUntil()} */
    WAITING,
    /** a task waiting for a person's decision ({@link StateView#approval()}) */
    APPROVAL_PENDING,
    SUCCEEDED,
    /** failed, and a Catch sent the execution on */
    CAUGHT,
    FAILED,
    /** still running when the execution was stopped, or a sibling branch failed */
    ABORTED
}
