package io.jenkins.plugins.stepfunctions.bridge.connect;

import io.jenkins.plugins.stepfunctions.engine.history.Redaction;
import java.io.Serializable;
import java.util.Objects;

/**
 * A secret value (access key, session token, task token, callback secret) that never prints whole:
 * {@code toString} shows only the first characters so a person can still tell two apart in a log.
 */
public record Secret(String value) implements Serializable {

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
        return Redaction.secret(value);
    }

    @Override
    public String toString() {
        return redacted();
    }
}
