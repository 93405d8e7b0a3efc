package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.Definitions.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import io.jenkins.plugins.stepfunctions.engine.run.ExecutionEngine;
import io.jenkins.plugins.stepfunctions.engine.run.HttpInvokeHosts;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@code arn:aws:states:::http:invoke} through the API: Parameters checked as AWS requires them, the
 * response read as a stream and cut at the payload limit, the hosts it may call, and never the
 * engine's own API.
 */
class HttpInvokeTaskTest {
    private static final String AUTH = "\"Authentication\": {\"ConnectionArn\": "
            + "\"arn:aws:events:us-east-1:123456789012:connection/api/1\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer stub;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesWritten = new AtomicLong();
    private TestEngine running;

    HttpInvokeTaskTest() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/small", x -> {
            seen.add(x.getRequestMethod() + " " + x.getRequestURI());
            byte[] body = ("{\"padding\": \"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        stub.createContext("/huge", x -> {
            // 200 MB, chunked (no length announced): only reading it tells how large it is.
            seen.add(x.getRequestMethod() + " " + x.getRequestURI());
            x.getResponseHeaders().add("Content-Type", "text/plain");
            x.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = x.getResponseBody()) {
                for (int i = 0; i < 200 * 16; i++) {
                    out.write(chunk);
                    bytesWritten.addAndGet(chunk.length);
                }
            } catch (IOException clientStoppedReading) {
                // expected: the engine cancels the response at the payload limit
            } finally {
                x.close();
            }
        });
        stub.start();
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
        stub.stop(0);
    }

    private String stubUrl(String path) {
        return "http://127.0.0.1:" + stub.getAddress().getPort() + path;
    }

    private DescribeExecutionResponse run(String parameters) {
        if (running == null) {
            running = TestEngine.startServer();
        }
        String definition = "{\"StartAt\": \"Call\", \"States\": {\"Call\": {\"Type\": \"Task\", \"Resource\":"
                + " \"arn:aws:states:::http:invoke\", \"Parameters\": " + parameters + ", \"End\": true}}}";
        String sm = running.sfn().createStateMachine(b -> b.name("Http" + System.nanoTime()).definition(definition)
                .roleArn(ROLE)).stateMachineArn();
        String arn = running.sfn().startExecution(b -> b.stateMachineArn(sm)).executionArn();
        return Awaits.until(() -> running.sfn().describeExecution(b -> b.executionArn(arn)),
                d -> d.status() != ExecutionStatus.RUNNING);
    }

    @Test
    void aTaskWithoutAuthenticationConnectionArnFailsWithoutCallingAnything() {
        DescribeExecutionResponse e = run("{\"ApiEndpoint\": \"" + stubUrl("/small") + "\", \"Method\": \"GET\"}");
        assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(e.error()).isEqualTo("States.Runtime");
        assertThat(e.cause()).contains("Authentication.ConnectionArn").contains("EventBridge connection");
        assertThat(seen).isEmpty();
    }

    @Test
    void aTaskWithoutMethodOrWithAnUnknownOneFailsNamingTheMethods() {
        DescribeExecutionResponse missing = run("{\"ApiEndpoint\": \"" + stubUrl("/small") + "\", " + AUTH + "}");
        assertThat(missing.error()).isEqualTo("States.Runtime");
        assertThat(missing.cause()).contains("Parameters.Method").contains("PATCH");
        DescribeExecutionResponse unknown = run("{\"ApiEndpoint\": \"" + stubUrl("/small") + "\", \"Method\": \"FETCH\", "
                + AUTH + "}");
        assertThat(unknown.cause()).contains("'FETCH'");
        assertThat(seen).isEmpty();
    }

    @Test
    void aPrivateApiConnectionInInvocationConfigIsAccepted() throws Exception {
        DescribeExecutionResponse e = run("{\"ApiEndpoint\": \"" + stubUrl("/small") + "\", \"Method\": \"GET\","
                + " \"InvocationConfig\": {\"ConnectionArn\": \"arn:aws:events:us-east-1:123456789012:connection/p/1\"}}");
        assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void aResponseUnderThePayloadLimitIsReadWhole() throws Exception {
        DescribeExecutionResponse e = run("{\"ApiEndpoint\": \"" + stubUrl("/small") + "\", \"Method\": \"GET\", " + AUTH + "}");
        assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(e.output()).path("ResponseBody").path("padding").asText()).hasSize(200_000);
    }

    @Test
    void a200MegabyteResponseIsCutAtThePayloadLimitWithoutBeingReadWhole() {
        long start = System.nanoTime();
        DescribeExecutionResponse e = run("{\"ApiEndpoint\": \"" + stubUrl("/huge") + "\", \"Method\": \"GET\", " + AUTH + "}");
        assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(e.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(e.cause()).contains("262144 bytes");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        // What the stub got out before the engine closed the connection: its first chunks and the socket buffers.
        assertThat(bytesWritten.get()).isLessThan(32L * 1024 * 1024);
    }

    @Test
    void aTaskCannotCallTheEnginesOwnApiByAnyLoopbackName() {
        running = TestEngine.startServer();
        int apiPort = running.server().endpoint().getPort();
        for (String host : List.of("127.0.0.1", "localhost", "127.0.0.2", "[::1]")) {
            DescribeExecutionResponse e = run("{\"ApiEndpoint\": \"http://" + host + ":" + apiPort + "/\", \"Method\": \"POST\", "
                    + "\"Headers\": {\"X-Amz-Target\": \"AWSStepFunctions.CreateStateMachine\", \"Content-Type\": "
                    + "\"application/x-amz-json-1.0\"}, \"RequestBody\": {\"name\": \"Injected\"}, " + AUTH + "}");
            assertThat(e.status()).as(host).isEqualTo(ExecutionStatus.FAILED);
            assertThat(e.error()).isEqualTo("States.Http.Socket");
            assertThat(e.cause()).contains("its own API");
        }
        assertThat(running.sfn().listStateMachines().stateMachines()).noneMatch(sm -> sm.name().equals("Injected"));
    }

    @Test
    void aRequestCarryingTheEnginesHttpInvokeMarkerIsRefusedByItsApi() throws Exception {
        running = TestEngine.startServer();
        HttpRequest.Builder request = HttpRequest.newBuilder(running.server().endpoint())
                .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> marked = client.send(request.copy()
                .header(ExecutionEngine.HTTP_INVOKE_MARKER_HEADER, running.server().httpInvokeMarker()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(marked.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(marked.body()).path("__type").asText()).endsWith("#AccessDeniedException");
        assertThat(client.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void hostsOutsideTheAllowListAreRefusedAndThoseOnItAreCalled() {
        int port = stub.getAddress().getPort();
        running = TestEngine.options().httpInvokeHosts(HttpInvokeHosts.parse("localhost:" + port)).serve();
        DescribeExecutionResponse refused = run("{\"ApiEndpoint\": \"" + stubUrl("/small") + "\", \"Method\": \"GET\", " + AUTH + "}");
        assertThat(refused.error()).isEqualTo("States.Http.Socket");
        assertThat(refused.cause()).contains("--http-invoke-hosts").contains("127.0.0.1:" + port);
        assertThat(seen).isEmpty();
        DescribeExecutionResponse allowed = run("{\"ApiEndpoint\": \"http://localhost:" + port + "/small\", \"Method\": \"GET\", "
                + AUTH + "}");
        assertThat(allowed.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(seen).containsExactly("GET /small");
    }

    @Test
    void theAllowListNamesHostsPortsAndSubdomains() {
        HttpInvokeHosts hosts = HttpInvokeHosts.parse("localhost:9000, ci.example.com, *.example.org, [::1]:8080");
        assertThat(hosts.allows(URI.create("http://localhost:9000/x"))).isTrue();
        assertThat(hosts.allows(URI.create("http://localhost:9001/x"))).isFalse();
        assertThat(hosts.allows(URI.create("https://CI.example.com/x"))).isTrue();
        assertThat(hosts.allows(URI.create("https://build.example.org/x"))).isTrue();
        assertThat(hosts.allows(URI.create("https://example.org/x"))).isFalse();
        assertThat(hosts.allows(URI.create("https://ci.example.com.attacker.net/x"))).isFalse();
        assertThat(hosts.allows(URI.create("http://[::1]:8080/x"))).isTrue();
        assertThat(HttpInvokeHosts.parse("*").allows(URI.create("http://anything:1/"))).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpInvokeHosts.parse("localhost:http"))
                .hasMessageContaining("localhost:http");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpInvokeHosts.parse("http://x/"))
                .hasMessageContaining("http://x/");
    }
}
