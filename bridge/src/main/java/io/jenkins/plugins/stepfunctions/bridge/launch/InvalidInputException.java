package io.jenkins.plugins.stepfunctions.bridge.launch;

import io.jenkins.plugins.stepfunctions.bridge.BridgeException;

/** Execution input that would be refused: not JSON, not an object where one is needed, over 256 KiB. */
public final class InvalidInputException extends BridgeException {
    public InvalidInputException(String source, String problem, String fix) {
        super("InvalidExecutionInput", source, problem, fix);
    }
}
