package io.jenkins.plugins.stepfunctions.plugin.connect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A Jenkins AWS credential as the AWS SDK's credentials provider, for builds that follow an execution for
 * hours or days. The credential is resolved again every ten minutes: a credential with a role assumes it
 * anew (its sessions last 15 minutes at least, an hour by default), and keys an administrator rotates in
 * Jenkins are picked up, while the SDK's calls in between (polls every few seconds) cost no STS call.
 */
public final class RenewingCredentials implements AwsCredentialsProvider {
    static final Duration RENEW_AFTER = Duration.ofMinutes(10);

    private final Supplier<AwsCredentials> resolve;
    private final String credentialsId;
    private final Clock clock;
    private AwsCredentials current;
    private Instant resolvedAt;

    RenewingCredentials(Supplier<AwsCredentials> resolve, String credentialsId, Clock clock) {
        this.resolve = resolve;
        this.credentialsId = credentialsId;
        this.clock = clock;
    }

    /** Resolves the credential once now, so that a credential that cannot sign anything fails the step at once. */
    public static RenewingCredentials of(AwsCredentialsProvider credential, String credentialsId) {
        RenewingCredentials renewing = new RenewingCredentials(credential::resolveCredentials, credentialsId, Clock.systemUTC());
        renewing.resolveCredentials();
        return renewing;
    }

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        Instant now = clock.instant();
        if (current == null || !now.isBefore(resolvedAt.plus(RENEW_AFTER))) {
            AwsCredentials fresh = resolve.get();
            if (fresh == null) {
                // aws-credentials answers null for a credential with neither keys nor a role
                throw SdkClientException.create("credentialsId: the AWS credential '" + credentialsId + "' has no"
                        + " access key and no IAM role; fill in its access key and secret key (or a role to assume)"
                        + " under Manage Jenkins > Credentials");
            }
            current = fresh;
            resolvedAt = now;
        }
        return current;
    }

    @Override
    public String toString() {
        return "Jenkins AWS credential " + credentialsId;
    }
}
