package io.jenkins.plugins.stepfunctions.plugin.callback;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One unguessable secret per followed execution, the only credential of the callback endpoint: whoever knows
 * it can make the build look at its execution's history now, and nothing else.
 */
public final class CallbackSecrets {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> executionBySecret = new ConcurrentHashMap<>();

    /** A new secret, 256 random bits in URL-safe base64; bind it to the execution once its ARN is known. */
    public String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public void bind(String secret, String executionArn) {
        executionBySecret.put(secret, executionArn);
    }

    public void forget(String secret) {
        executionBySecret.remove(secret);
    }

    public Optional<String> executionFor(String secret) {
        return secret == null ? Optional.empty() : Optional.ofNullable(executionBySecret.get(secret));
    }
}
