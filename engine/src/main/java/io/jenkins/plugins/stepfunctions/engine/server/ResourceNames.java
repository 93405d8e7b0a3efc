package io.jenkins.plugins.stepfunctions.engine.server;

import io.jenkins.plugins.stepfunctions.engine.ApiException;

/** AWS's rules for the names of state machines, executions and activities. */
final class ResourceNames {
    static final int MAX_LENGTH = 80;
    private static final String FORBIDDEN = " <>{}[]?*\"#%\\^|~`$&,;:/";

    private ResourceNames() {
    }

    /** Throws InvalidName, saying which character or length is wrong, when AWS would refuse {@code name}. */
    static String requireValid(String name, String field) {
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            throw new ApiException(ApiErrors.INVALID_NAME, "Invalid Name: '" + name + "': " + field
                    + " must be 1 to " + MAX_LENGTH + " characters long, it has " + name.length());
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || FORBIDDEN.indexOf(c) >= 0 || c <= 0x1f || c >= 0x7f && c <= 0x9f) {
                throw new ApiException(ApiErrors.INVALID_NAME, "Invalid Name: '" + name + "': " + field
                        + " must not contain " + describe(c) + " (at position " + (i + 1)
                        + "); use letters, digits, '-', '_' or '.'");
            }
        }
        return name;
    }

    private static String describe(char c) {
        if (Character.isWhitespace(c)) {
            return "whitespace";
        }
        if (c <= 0x1f || c >= 0x7f && c <= 0x9f) {
            return String.format("the control character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }
}
