package io.jenkins.plugins.stepfunctions.bridge.connect;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The SDK clients for one {@link Connection}, sharing one HTTP client. Two Step Functions clients:
 * {@link #sfn()} retries like the SDK does (one-shot calls: start, approve, stop), and
 * {@link #sfnNoRetry()} never retries, because a follower retries on its own schedule instead of
 * sleeping on a shared thread.
 */
public final class AwsClients implements AutoCloseable {
    private final Connection connection;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final StsClient sts;
    private SfnClient sfn;
    private SfnClient sfnNoRetry;
    private SqsClient sqs;

    public AwsClients(Connection connection) {
        this.connection = connection;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(70))
                .build();
        AwsCredentialsProvider base = baseCredentials(connection.credentials());
        if (connection.role() == null) {
            this.sts = null;
            this.credentials = base;
        } else {
            RoleAssumption role = connection.role();
            this.sts = StsClient.builder().httpClient(http).region(Region.of(connection.region()))
                    .credentialsProvider(base).build();
            this.credentials = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                    .refreshRequest(r -> {
                        r.roleArn(role.roleArn()).roleSessionName(role.sessionName())
                                .durationSeconds((int) role.duration().toSeconds());
                        if (role.externalId() != null && !role.externalId().isBlank()) {
                            r.externalId(role.externalId());
                        }
                    })
                    .build();
        }
    }

    public Connection connection() {
        return connection;
    }

    public synchronized SfnClient sfn() {
        if (sfn == null) {
            sfn = sfnBuilder(ClientOverrideConfiguration.builder().build());
        }
        return sfn;
    }

    public synchronized SfnClient sfnNoRetry() {
        if (sfnNoRetry == null) {
            sfnNoRetry = sfnBuilder(ClientOverrideConfiguration.builder()
                    .retryStrategy(AwsRetryStrategy.doNotRetry()).build());
        }
        return sfnNoRetry;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            var builder = SqsClient.builder().httpClient(http).region(Region.of(connection.region()))
                    .credentialsProvider(credentials);
            if (connection.endpoint() != null) {
                builder.endpointOverride(connection.endpoint());
            }
            sqs = builder.build();
        }
        return sqs;
    }

    private SfnClient sfnBuilder(ClientOverrideConfiguration override) {
        var builder = SfnClient.builder().httpClient(http).region(Region.of(connection.region()))
                .credentialsProvider(credentials).overrideConfiguration(override);
        if (connection.endpoint() != null) {
            builder.endpointOverride(connection.endpoint());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider baseCredentials(CredentialsSpec spec) {
        if (spec instanceof CredentialsSpec.Supplied supplied) {
            return supplied.provider();
        }
        if (spec instanceof CredentialsSpec.Profile p) {
            return ProfileCredentialsProvider.create(p.name());
        }
        if (spec instanceof CredentialsSpec.StaticKeys k) {
            return StaticCredentialsProvider.create(k.sessionToken() == null
                    ? AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey().reveal())
                    : AwsSessionCredentials.create(k.accessKeyId(), k.secretAccessKey().reveal(),
                            k.sessionToken().reveal()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : new AutoCloseable[] {sfn, sfnNoRetry, sqs, sts, credentials instanceof AutoCloseable a ? a : null}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing is best effort: nothing is left to do with a client that fails to close
                }
            }
        }
        http.close();
    }
}
