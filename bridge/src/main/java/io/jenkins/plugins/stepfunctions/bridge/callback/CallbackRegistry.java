package io.jenkins.plugins.stepfunctions.bridge.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Per-execution callback secrets, and what a callback does: wake the follower of that execution so it
 * reads history now instead of at its next (slow, safety) poll. The secret is all a caller needs, so
 * it is long and random; a callback with an unknown secret does nothing. Both the bridge's own
 * {@link CallbackServer} and the Jenkins plugin's endpoint hand callbacks to a registry.
 *
 * <p>Secrets are looked up by their SHA-256 digest, never compared as strings: how long a lookup takes
 * then says nothing about how much of a guessed secret was right.
 */
public final class CallbackRegistry {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final Predicate<String> wake;
    private final Map<String, String> executionByDigest = new ConcurrentHashMap<>();
    private final Map<String, String> digestByExecution = new ConcurrentHashMap<>();

    /** @param wake wakes the follower of an execution ARN, e.g. {@code FollowScheduler::wake}; true if one was woken */
    public CallbackRegistry(Predicate<String> wake) {
        this.wake = wake;
    }

    /** A new secret, for a callback URL placed in the input before the execution (and its ARN) exists. */
    public Secret issue() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return new Secret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public void bind(Secret secret, String executionArn) {
        String digest = digest(secret.reveal());
        executionByDigest.put(digest, executionArn);
        digestByExecution.put(executionArn, digest);
    }

    /** Forgets an execution once followed to its end; later callbacks with its secret do nothing. */
    public void release(String executionArn) {
        String digest = digestByExecution.remove(executionArn);
        if (digest != null) {
            executionByDigest.remove(digest);
        }
    }

    /** A callback arrived with {@code secret}: true when it belonged to a followed execution. */
    public boolean callback(String secret) {
        String arn = secret == null ? null : executionByDigest.get(digest(secret));
        return arn != null && wake.test(arn);
    }

    /** Whether {@code presented} is {@code expected}, in a time that does not depend on where they differ. */
    public static boolean matches(Secret expected, String presented) {
        return presented != null && MessageDigest.isEqual(sha256(expected.reveal()), sha256(presented));
    }

    private static String digest(String secret) {
        return Base64.getEncoder().encodeToString(sha256(secret));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * An EventBridge "Step Functions Execution Status Change" event (as delivered through SQS or by the
     * embedded engine's status listener): wakes the follower of {@code detail.executionArn}. Events of
     * executions nobody here follows are ignored.
     */
    public boolean statusChange(String eventJson) {
        try {
            JsonNode event = JSON.readTree(eventJson);
            // SNS-wrapped deliveries carry the event as a string in Message
            if (event.has("Message") && event.get("Message").isTextual()) {
                event = JSON.readTree(event.get("Message").asText());
            }
            String arn = event.path("detail").path("executionArn").asText(null);
            return arn != null && wake.test(arn);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
