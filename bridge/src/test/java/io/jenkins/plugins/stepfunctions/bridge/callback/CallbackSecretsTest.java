package io.jenkins.plugins.stepfunctions.bridge.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a callback secret opens: exactly its execution, while followed. Near misses (one character off, a
 * prefix, the secret with more after it) open nothing. The comparison runs on digests, so its time does not
 * reveal how much of a guess was right; that property is in the code (CallbackRegistry.matches), not timed here.
 */
class CallbackSecretsTest {
    private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:deploy:build-7";

    @Test
    void onlyTheWholeSecretOfAFollowedExecutionWakesIt() {
        List<String> woken = new ArrayList<>();
        CallbackRegistry registry = new CallbackRegistry(arn -> woken.add(arn));
        Secret secret = registry.issue();
        registry.bind(secret, ARN);
        String s = secret.reveal();
        String oneOff = s.substring(0, s.length() - 1) + (s.endsWith("A") ? "B" : "A");

        assertThat(registry.callback(oneOff)).isFalse();
        assertThat(registry.callback(s.substring(0, s.length() - 1))).isFalse();
        assertThat(registry.callback(s + "x")).isFalse();
        assertThat(registry.callback("")).isFalse();
        assertThat(registry.callback(null)).isFalse();
        assertThat(woken).isEmpty();

        assertThat(registry.callback(s)).isTrue();
        assertThat(woken).containsExactly(ARN);

        registry.release(ARN);
        assertThat(registry.callback(s)).as("released with the execution").isFalse();
    }

    @Test
    void matchesComparesTheWholeValue() {
        Secret secret = new Secret("0123456789abcdefghijklmnopqrstuv");

        assertThat(CallbackRegistry.matches(secret, "0123456789abcdefghijklmnopqrstuv")).isTrue();
        assertThat(CallbackRegistry.matches(secret, "0123456789abcdefghijklmnopqrstuw")).isFalse();
        assertThat(CallbackRegistry.matches(secret, "0123456789abcdefghijklmnopqrstu")).isFalse();
        assertThat(CallbackRegistry.matches(secret, null)).isFalse();
    }
}
