package io.jenkins.plugins.stepfunctions.bridge.watch;

import io.jenkins.plugins.stepfunctions.bridge.BridgeException;

/** Following cannot go on: the execution does not exist, access is denied, the ARN is wrong. */
public final class FollowException extends BridgeException {
    public FollowException(String errorName, String problem, String fix, Throwable cause) {
        super(errorName, "executionArn", problem, fix, cause);
    }
}
