package io.jenkins.plugins.stepfunctions.bridge.launch;

import java.io.Serializable;
import java.time.Instant;

/**
 * A started execution.
 *
 * @param attached true when the execution already existed with the same name and input (a retried
 *                 start) and this build attached to it instead of starting a second one
 */
public record Launched(String executionArn, String stateMachineArn, Instant startDate, boolean attached)
        implements Serializable {
}
