package io.jenkins.plugins.stepfunctions.bridge.moto;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * moto's server (Python), a second, independent Step Functions implementation, started on a free
 * loopback port with execution of state machines switched on. Tests using it are skipped, saying so,
 * when {@code moto_server} is not on the PATH.
 */
public final class MotoServer implements AutoCloseable {
    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static MotoServer startOrSkip() throws Exception {
        String exe = find();
        Assumptions.assumeTrue(exe != null, "moto_server is not on the PATH: skipping the moto cross-check");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(exe, "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(new File(System.getProperty("java.io.tmpdir"), "moto-bridge-test.log")).start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/config"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"stepfunctions\":{\"execute_state_machine\":true}}"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 2) {
                    break;
                }
                throw new IOException("moto answered " + r.statusCode());
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !p.isAlive()) {
                    p.destroyForcibly();
                    Assumptions.abort("moto_server did not start: skipping the moto cross-check");
                }
                Thread.sleep(100);
            }
        }
        return new MotoServer(p, endpoint);
    }

    private static String find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, "moto_server");
            if (f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }

    /**
     * Forgets every state machine and execution: moto 5.2 fails StartExecution (HTTP 500, "cannot
     * pickle RLock") once an earlier execution is stored, so each test starts from an empty backend.
     */
    public void reset() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset")).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/config"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"stepfunctions\":{\"execute_state_machine\":true}}"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
