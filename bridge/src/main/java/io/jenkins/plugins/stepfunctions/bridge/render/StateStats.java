package io.jenkins.plugins.stepfunctions.bridge.render;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;

/** What the final summary says about one state: how often it ran, its attempts, time spent, last status. */
public final class StateStats implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String type;
    private int entries;
    private int attempts;
    private Duration time = Duration.ZERO;
    private String status = "RUNNING";
    private String error;
    private String cause;

    StateStats(String name, String type) {
        this.name = name;
        this.type = type;
    }

    void entered() {
        entries++;
        status = "RUNNING";
    }

    void attempt() {
        attempts++;
    }

    void exited(Duration spent, String newStatus) {
        time = time.plus(spent);
        status = newStatus;
    }

    void status(String newStatus) {
        status = newStatus;
    }

    /** The state's task failed (it may still be retried or caught): keeps the error for reports. */
    void failed(String failedWith, String failureCause) {
        status = "FAILED";
        error = failedWith;
        cause = failureCause;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public int entries() {
        return entries;
    }

    public int attempts() {
        return attempts;
    }

    public Duration time() {
        return time;
    }

    public String status() {
        return status;
    }

    /** The last error the state's task failed with, or null. */
    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }
}
