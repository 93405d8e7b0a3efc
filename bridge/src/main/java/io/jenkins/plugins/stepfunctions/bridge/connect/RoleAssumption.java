package io.jenkins.plugins.stepfunctions.bridge.connect;

import java.io.Serializable;
import java.time.Duration;

/**
 * STS AssumeRole on top of the base credentials.
 *
 * @param externalId  optional, required by roles that demand one
 * @param sessionName shows in CloudTrail; defaults to {@code sfn-bridge}
 * @param duration    session length, 15 min to 12 h; defaults to 1 h
 */
public record RoleAssumption(String roleArn, String externalId, String sessionName, Duration duration)
        implements Serializable {
    public RoleAssumption {
        if (roleArn == null || !roleArn.startsWith("arn:")) {
            throw new ConnectionException("roleArn", "'" + roleArn + "' is not a role ARN",
                    "give the ARN of the role to assume, e.g. arn:aws:iam::123456789012:role/deployer");
        }
        sessionName = sessionName == null || sessionName.isBlank() ? "sfn-bridge" : sessionName;
        duration = duration == null ? Duration.ofHours(1) : duration;
        if (duration.compareTo(Duration.ofMinutes(15)) < 0 || duration.compareTo(Duration.ofHours(12)) > 0) {
            throw new ConnectionException("duration", "role session duration " + duration + " is out of range",
                    "use a duration between 15 minutes and 12 hours");
        }
    }
}
