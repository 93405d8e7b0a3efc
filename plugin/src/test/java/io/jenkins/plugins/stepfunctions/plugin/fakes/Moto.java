package io.jenkins.plugins.stepfunctions.plugin.fakes;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * moto's server on a free loopback port, standing in for Amazon SQS (the embedded engine has no SQS). Tests
 * that need it are skipped, saying so, when {@code moto_server} is not on the PATH.
 */
public final class Moto implements AutoCloseable {
    private final Process process;
    private final SqsClient sqs;

    private Moto(Process process, URI endpoint) {
        this.process = process;
        this.sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAMOTO", "moto")))
                .build();
    }

    public static Moto startOrSkip() throws Exception {
        String exe = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "moto_server");
            if (candidate.canExecute()) {
                exe = candidate.getAbsolutePath();
                break;
            }
        }
        Assumptions.assumeTrue(exe != null, "moto_server is not on the PATH: skipping the SQS wait-mode test");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(exe, "-H", "127.0.0.1", "-p", String.valueOf(port)).redirectErrorStream(true)
                .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "moto-plugin-test.log")).start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return new Moto(process, endpoint);
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    process.destroyForcibly();
                    Assumptions.abort("moto_server did not start: skipping the SQS wait-mode test");
                }
                Thread.sleep(100);
            }
        }
    }

    public SqsClient sqs() {
        return sqs;
    }

    @Override
    public void close() {
        sqs.close();
        process.destroy();
    }
}
