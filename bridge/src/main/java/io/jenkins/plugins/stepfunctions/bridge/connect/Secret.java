package io.jenkins.plugins.stepfunctions.bridge.connect;

import java.io.Serializable;
import java.util.Objects;

/**
 * A secret value (access key, session token, task token, callback secret) that never prints whole:
 * {@code toString} shows only the first characters so a person can still tell two apart in a log.
 */
public record Secret(String value) implements Serializable {
    private static final int VISIBLE = 6;

    public Secret {
        Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return value == null ? null : new Secret(value);
    }

    /** The whole value, for the one call that needs it. */
    public String reveal() {
        return value;
    }

    /** A short, safe form: the first few characters and the length. */
    public String redacted() {
        return redact(value);
    }

    public static String redact(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() <= VISIBLE * 2) {
            return "****";
        }
        return value.substring(0, VISIBLE) + "…(" + value.length() + " chars)";
    }

    @Override
    public String toString() {
        return redacted();
    }
}
