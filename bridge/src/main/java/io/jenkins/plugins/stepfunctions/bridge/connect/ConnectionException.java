package io.jenkins.plugins.stepfunctions.bridge.connect;

import io.jenkins.plugins.stepfunctions.bridge.BridgeException;

/** A connection setting a user got wrong: missing region, bad endpoint, bad role. */
public final class ConnectionException extends BridgeException {
    public ConnectionException(String field, String problem, String fix) {
        super("InvalidConnection", field, problem, fix);
    }
}
