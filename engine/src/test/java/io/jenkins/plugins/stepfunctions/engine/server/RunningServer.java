package io.jenkins.plugins.stepfunctions.engine.server;

import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/** An engine server on a free loopback port with a real AWS SDK client pointed at it. */
final class RunningServer implements AutoCloseable {
    final EngineServer server;
    final SfnClient sfn;
    private final HttpClient raw = HttpClient.newHttpClient();

    private RunningServer(EngineServer server, SfnClient sfn) {
        this.server = server;
        this.sfn = sfn;
    }

    static RunningServer start() {
        return start(EngineConfig.defaults());
    }

    static RunningServer start(EngineConfig config) {
        try {
            EngineServer server = EngineServer.start("127.0.0.1", 0, config);
            return new RunningServer(server, client(server.endpoint(), Region.US_EAST_1, RetryPolicy.none()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client as a user configures one for a local endpoint: any keys, no host prefix, long reads for polls. */
    static SfnClient client(URI endpoint, Region region, RetryPolicy retries) {
        return SfnClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(70)).build())
                .overrideConfiguration(c -> c.retryPolicy(retries)
                        .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    /** Sends a raw request, for what the SDK cannot send (bad JSON, unknown targets). */
    HttpResponse<String> post(String target, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        sfn.close();
        server.close();
    }
}
