package io.jenkins.plugins.stepfunctions.bridge.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.time.Instant;

/**
 * How an execution ended. SUCCEEDED is a success; FAILED, TIMED_OUT and ABORTED are failures that
 * carry AWS's error and cause.
 *
 * @param output the execution's output as a structured value (null unless SUCCEEDED)
 */
public record Outcome(String executionArn, String status, JsonNode output, String error, String cause,
                      Instant startDate, Instant stopDate) implements Serializable {

    public boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }

    /** One line for a build log or an exception message. */
    public String describe() {
        if (succeeded()) {
            return "execution " + executionArn + " SUCCEEDED";
        }
        return "execution " + executionArn + " " + status + (error == null ? "" : ": " + error)
                + (cause == null || cause.isBlank() ? "" : " (" + cause + ")");
    }
}
