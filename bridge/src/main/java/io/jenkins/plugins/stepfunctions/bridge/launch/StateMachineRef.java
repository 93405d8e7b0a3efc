package io.jenkins.plugins.stepfunctions.bridge.launch;

import io.jenkins.plugins.stepfunctions.bridge.BridgeException;
import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * Which state machine to start: an ARN (optionally with a version or alias qualifier) or a name
 * resolved in the connection's account and region.
 *
 * @param arnOrName a state machine ARN, a version/alias ARN, or a bare name
 * @param qualifier a version number or alias name to append, or null
 */
public record StateMachineRef(String arnOrName, String qualifier) implements Serializable {
    private static final Pattern ARN = Pattern.compile(
            "arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:stateMachine:[A-Za-z0-9_-]{1,80}(:[A-Za-z0-9_-]{1,128})?(#[A-Za-z0-9_-]+)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    public StateMachineRef {
        if (arnOrName == null || arnOrName.isBlank()) {
            throw new BridgeException("InvalidArn", "stateMachine", "no state machine given",
                    "give a state machine ARN or name");
        }
        if (arnOrName.startsWith("arn:") && !ARN.matcher(arnOrName).matches()) {
            throw new BridgeException("InvalidArn", "stateMachine", "'" + arnOrName + "' is not a state machine ARN",
                    "use arn:aws:states:<region>:<account>:stateMachine:<name>[:<version or alias>]");
        }
        if (!arnOrName.startsWith("arn:") && !NAME.matcher(arnOrName).matches()) {
            throw new BridgeException("InvalidName", "stateMachine", "'" + arnOrName + "' is neither an ARN nor a state machine name",
                    "give the full ARN, or a name of 1-80 letters, digits, '-' and '_'");
        }
        if (qualifier != null && qualifier.isBlank()) {
            qualifier = null;
        }
    }

    public static StateMachineRef of(String arnOrName) {
        return new StateMachineRef(arnOrName, null);
    }

    public boolean isArn() {
        return arnOrName.startsWith("arn:");
    }
}
