package io.jenkins.plugins.stepfunctions.plugin.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;

class RenewingCredentialsTest {
    private Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aRoleSessionIsAssumedAgainAfterTenMinutesAndNotAtEverySigning() {
        AtomicInteger assumed = new AtomicInteger();
        RenewingCredentials credentials = new RenewingCredentials(
                () -> AwsSessionCredentials.create("ASIA" + assumed.incrementAndGet(), "secret", "token"), "deployer", clock);

        AwsCredentials first = credentials.resolveCredentials();
        now = now.plus(Duration.ofMinutes(9));
        AwsCredentials stillFirst = credentials.resolveCredentials();
        now = now.plus(Duration.ofMinutes(1));
        AwsCredentials renewed = credentials.resolveCredentials();

        assertThat(first.accessKeyId()).isEqualTo("ASIA1");
        assertThat(stillFirst).isSameAs(first);
        assertThat(renewed.accessKeyId()).isEqualTo("ASIA2");
        assertThat(assumed).hasValue(2);
    }

    @Test
    void aCredentialWithNeitherKeysNorRoleIsRefusedByNameWithTheFix() {
        RenewingCredentials credentials = new RenewingCredentials(() -> null, "empty-keys", clock);

        assertThatThrownBy(credentials::resolveCredentials).isInstanceOf(SdkClientException.class)
                .hasMessageContaining("credentialsId: the AWS credential 'empty-keys' has no access key and no IAM role")
                .hasMessageContaining("Manage Jenkins > Credentials");
    }
}
