package io.jenkins.plugins.stepfunctions.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.engine.asl.StateMachineDefinition;
import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import io.jenkins.plugins.stepfunctions.engine.run.Execution;
import io.jenkins.plugins.stepfunctions.engine.run.ExecutionEngine;
import io.jenkins.plugins.stepfunctions.engine.run.HttpInvokeHosts;
import io.jenkins.plugins.stepfunctions.engine.run.StartRequest;
import io.jenkins.plugins.stepfunctions.engine.server.EngineServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The engine the tests run on, one way for all of them: {@link #options()} sets what a test needs (clock,
 * time scale, mock config, listener, http:invoke hosts, S3 folder, data directory), then either
 * {@link Options#inProcess()} builds an {@link ExecutionEngine} called directly, or {@link Options#serve()}
 * starts an engine server on a free loopback port with a real AWS SDK client pointed at it. Closing it
 * closes the client and the engine or server.
 */
public final class TestEngine implements AutoCloseable {
    /** The state machine of {@link #start(String, String)}: executions started in process belong to it. */
    public static final String SM_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:Deploy";

    private final ExecutionEngine engine;
    private final EngineServer server;
    private final SfnClient sfn;
    private HttpClient raw;

    private TestEngine(ExecutionEngine engine, EngineServer server, SfnClient sfn) {
        this.engine = engine;
        this.server = server;
        this.sfn = sfn;
    }

    /** What the engine is started with; unset options are those of {@link EngineConfig#defaults()}. */
    public static Options options() {
        return new Options();
    }

    /** An engine server with {@link EngineConfig#defaults()} and its client. */
    public static TestEngine startServer() {
        return options().serve();
    }

    /** The options of one engine. */
    public static final class Options {
        private Clock clock = Clock.systemUTC();
        private double timeScale = 1.0;
        private JsonNode mockConfig;
        private URI listener;
        private HttpInvokeHosts httpInvokeHosts;
        private Path s3Dir;
        private Path dataDir;

        private Options() {
        }

        public Options clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Waits, retry intervals and timeouts last {@code scale} times their definition's seconds. */
        public Options timeScale(double scale) {
            this.timeScale = scale;
            return this;
        }

        public Options mockConfig(JsonNode mockConfig) {
            this.mockConfig = mockConfig;
            return this;
        }

        /** Where the engine posts execution status changes. */
        public Options listener(URI listener) {
            this.listener = listener;
            return this;
        }

        public Options httpInvokeHosts(HttpInvokeHosts hosts) {
            this.httpInvokeHosts = hosts;
            return this;
        }

        /** The folder standing for Amazon S3. */
        public Options s3Dir(Path dir) {
            this.s3Dir = dir;
            return this;
        }

        /** The server keeps what it holds in {@code dir} and loads it when started (servers only). */
        public Options dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        public EngineConfig config() {
            return new EngineConfig(clock, timeScale, mockConfig, listener, httpInvokeHosts, s3Dir);
        }

        /** An engine in this process, no server and no client. */
        public TestEngine inProcess() {
            if (dataDir != null) {
                throw new IllegalStateException("a data directory needs a server");
            }
            return new TestEngine(new ExecutionEngine(config()), null, null);
        }

        /** An engine server on a free loopback port, and a client of it. */
        public TestEngine serve() {
            try {
                EngineServer server = EngineServer.start("127.0.0.1", 0, config(), dataDir);
                return new TestEngine(null, server, client(server.endpoint(), Region.US_EAST_1, RetryPolicy.none()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A client as a user configures one for a local endpoint: any keys, no host prefix, long reads for polls. */
    public static SfnClient client(URI endpoint, Region region, RetryPolicy retries) {
        return SfnClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(70)).build())
                .overrideConfiguration(c -> c.retryPolicy(retries)
                        .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    /** Another client of this server ({@code region}, {@code retries}); the caller closes it. */
    public SfnClient client(Region region, RetryPolicy retries) {
        return client(server().endpoint(), region, retries);
    }

    /** The engine in this process (in-process engines only). */
    public ExecutionEngine engine() {
        if (engine == null) {
            throw new IllegalStateException("a server's engine is reached through its client");
        }
        return engine;
    }

    /** The server (servers only). */
    public EngineServer server() {
        if (server == null) {
            throw new IllegalStateException("an in-process engine has no server");
        }
        return server;
    }

    /** The client of the server (servers only). */
    public SfnClient sfn() {
        server();
        return sfn;
    }

    public URI endpoint() {
        return server().endpoint();
    }

    /** Starts {@code definition} on the in-process engine as an execution of {@link #SM_ARN}. */
    public Execution start(String definition, String input) {
        return start(definition, input, null);
    }

    /** As {@link #start(String, String)}, with the mocked test case {@code testCase} (or null). */
    public Execution start(String definition, String input, String testCase) {
        try {
            String name = UUID.randomUUID().toString();
            return engine().start(new StartRequest(SM_ARN.replace(":stateMachine:", ":execution:") + ":" + name, name,
                    SM_ARN, "Deploy", "arn:aws:iam::123456789012:role/sfn", StateMachineDefinition.parse(definition),
                    input, "STANDARD", testCase, null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a raw request to the server, for what the SDK cannot send (bad JSON, unknown targets). */
    public HttpResponse<String> post(String target, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint().resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        synchronized (this) {
            if (raw == null) {
                raw = HttpClient.newHttpClient();
            }
        }
        return raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        if (sfn != null) {
            sfn.close();
        }
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
    }
}
