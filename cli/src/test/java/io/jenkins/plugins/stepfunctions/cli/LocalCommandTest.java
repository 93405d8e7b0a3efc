package io.jenkins.plugins.stepfunctions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sfn local} run in-process as {@code main} runs it. */
class LocalCommandTest {

    private static HttpResponse<String> listStateMachines(URI endpoint) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void printsTheEndpointFirstAndServesTheApiUntilStopped() throws Exception {
        CommandLine sfn = SfnCommand.commandLine();
        PipedReader pipe = new PipedReader();
        sfn.setOut(new PrintWriter(new PipedWriter(pipe), true));
        sfn.setErr(new PrintWriter(new StringWriter()));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> sfn.execute("local", "--port", "0", "--time-scale", "0.01"));

        URI endpoint = URI.create(new BufferedReader(pipe).readLine());
        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(endpoint.getPort()).isPositive();
        HttpResponse<String> response = listStateMachines(endpoint);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"stateMachines\":[]}");

        ((LocalCommand) sfn.getSubcommands().get("local").getCommand()).stop();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        CompletableFuture<?> afterStop = client.sendAsync(HttpRequest.newBuilder(endpoint).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(afterStop).failsWithin(Duration.ofSeconds(5));
    }

    @Test
    void bindingEveryInterfaceWarnsAndStillPrintsAReachableEndpoint() throws Exception {
        CommandLine sfn = SfnCommand.commandLine();
        PipedReader pipe = new PipedReader();
        StringWriter err = new StringWriter();
        sfn.setOut(new PrintWriter(new PipedWriter(pipe), true));
        sfn.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> sfn.execute("local", "--port", "0", "--host", "0.0.0.0"));
        URI endpoint = URI.create(new BufferedReader(pipe).readLine());
        try {
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
            assertThat(listStateMachines(endpoint).statusCode()).isEqualTo(200);
            assertThat(err.toString()).contains("warning").contains("no authentication");
        } finally {
            ((LocalCommand) sfn.getSubcommands().get("local").getCommand()).stop();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    private static Result run(String... args) {
        CommandLine sfn = SfnCommand.commandLine();
        StringWriter err = new StringWriter();
        sfn.setErr(new PrintWriter(err));
        sfn.setOut(new PrintWriter(new StringWriter()));
        return new Result(sfn.execute(args), err.toString());
    }

    private record Result(int exitCode, String err) {
    }

    @Test
    void unknownFlagExitsWithTwoAndSaysWhereHelpIs() {
        Result result = run("local", "--prot=8083");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--prot=8083'").contains("sfn local --help");
    }

    @Test
    void portOutOfRangeExitsWithTwo() {
        Result result = run("local", "--port", "70000");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--port 70000 is not a port");
    }

    @Test
    void nonPositiveTimeScaleExitsWithTwo() {
        Result result = run("local", "--time-scale", "0");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--time-scale").contains("positive");
    }

    @Test
    void badFaultSpecExitsWithTwoNamingTheFault() {
        Result result = run("local", "--faults", "throttle=0.1,boom=1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown fault 'boom'");
    }

    @Test
    void missingOrBrokenMockConfigExitsWithTwo(@TempDir Path dir) throws IOException {
        assertThat(run("local", "--mock-config", dir.resolve("absent.json").toString()).err()).contains("no such file");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"StateMachines\": ");
        Result result = run("local", "--mock-config", broken.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("is not valid JSON");
        Path notAMockFile = Files.writeString(dir.resolve("other.json"), "{\"Comment\": \"a state machine?\"}");
        Result wrongShape = run("local", "--mock-config", notAMockFile.toString());
        assertThat(wrongShape.exitCode()).isEqualTo(2);
        assertThat(wrongShape.err()).contains("is not a MockConfigFile").contains("MockedResponses");
    }

    @Test
    void statusListenerMustBeAnHttpUrl() {
        Result result = run("local", "--status-listener", "ftp://example.org/x");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("http(s) URL");
    }

    @Test
    void portInUseExitsWithOneAndSuggestsAnother() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Result result = run("local", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("cannot listen").contains("--port 0");
        }
    }
}
