package io.jenkins.plugins.stepfunctions.engine.asl;

import java.util.List;

/**
 * One element of a state's {@code Retry}.
 *
 * @param maxDelaySeconds 0 when not capped
 * @param fullJitter      {@code JitterStrategy: FULL}
 */
public record Retrier(List<String> errorEquals, double intervalSeconds, int maxAttempts, double backoffRate,
                      double maxDelaySeconds, boolean fullJitter) {
}
