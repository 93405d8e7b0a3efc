package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.Definitions.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;

/**
 * The API server under clients that stall, disconnect or hold long polls: other callers are still
 * answered at once, and nothing a client leaves behind keeps a thread or a task.
 */
class ServerUnderLoadTest {
    private final TestEngine running = TestEngine.startServer();
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() {
        sockets.forEach(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        });
        running.close();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(running.server().endpoint().getHost(), running.server().endpoint().getPort());
        sockets.add(socket);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private String request(String host, String target, String body) {
        return "POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: "
                + target + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private String hostAndPort() {
        return "127.0.0.1:" + running.server().endpoint().getPort();
    }

    /** An SDK call that must answer within {@code limit}; fails the test instead of hanging when it does not. */
    private void answersWithin(Duration limit) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<Integer> call = CompletableFuture.supplyAsync(
                () -> running.sfn().listStateMachines(b -> b.maxResults(10)).stateMachines().size());
        assertThat(call.get(limit.toMillis(), TimeUnit.MILLISECONDS)).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(limit);
    }

    @Test
    void otherCallsAnswerWithinTwoSecondsWhile300ConnectionsStallInTheirHeaders() throws Exception {
        for (int i = 0; i < 300; i++) {
            send(connect(), "POST / HTTP/1.1\r\nHost: " + hostAndPort() + "\r\nX-Amz-Tar");
        }
        Thread.sleep(300);
        answersWithin(Duration.ofSeconds(2));
    }

    @Test
    void aConnectionStalledInItsHeadersIsClosedByTheServerAfterTheReadTimeout() throws Exception {
        Socket stalled = connect();
        send(stalled, "POST / HTTP/1.1\r\nHost: " + hostAndPort() + "\r\nContent-Le");
        stalled.setSoTimeout((EngineServer.REQUEST_READ_SECONDS + 5) * 1000);
        long start = System.nanoTime();
        int read;
        try {
            read = stalled.getInputStream().read();
        } catch (SocketException reset) {
            read = -1;
        }
        assertThat(read).as("the server closes the connection without an answer").isEqualTo(-1);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isLessThan(Duration.ofSeconds(EngineServer.REQUEST_READ_SECONDS + 3));
    }

    @Test
    void aConnectionStalledInItsBodyIsClosedByTheServerAfterTheReadTimeout() throws Exception {
        Socket stalled = connect();
        send(stalled, request(hostAndPort(), "AWSStepFunctions.ListStateMachines", "{}").replace("{}", "")
                .replace("Content-Length: 2", "Content-Length: 200") + "{\"maxRes");
        stalled.setSoTimeout((EngineServer.REQUEST_READ_SECONDS + 5) * 1000);
        long start = System.nanoTime();
        int read;
        try {
            read = stalled.getInputStream().read();
        } catch (SocketException reset) {
            read = -1;
        }
        assertThat(read).isEqualTo(-1);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isLessThan(Duration.ofSeconds(EngineServer.REQUEST_READ_SECONDS + 3));
    }

    @Test
    void listStateMachinesAnswersWithinTwoSecondsWhile300ActivityTaskPollsWait() throws Exception {
        String activity = running.sfn().createActivity(b -> b.name("Approve")).activityArn();
        for (int i = 0; i < 300; i++) {
            send(connect(), request(hostAndPort(), "AWSStepFunctions.GetActivityTask",
                    "{\"activityArn\": \"" + activity + "\"}"));
        }
        Awaits.until(running.server()::heldLongPolls, held -> held == 300);
        answersWithin(Duration.ofSeconds(2));
    }

    @Test
    void aLongPollWhoseClientDisconnectedEndsAndItsTaskGoesToTheNextWorker() throws Exception {
        String activity = running.sfn().createActivity(b -> b.name("Deploy")).activityArn();
        String sm = running.sfn().createStateMachine(b -> b.name("Worker")
                .definition(Definitions.activityTask(activity)).roleArn(ROLE)).stateMachineArn();
        Socket gone = connect();
        send(gone, request(hostAndPort(), "AWSStepFunctions.GetActivityTask", "{\"activityArn\": \"" + activity + "\"}"));
        Awaits.until(running.server()::heldLongPolls, held -> held == 1);
        gone.close();
        Awaits.until(running.server()::heldLongPolls, held -> held == 0);

        running.sfn().startExecution(b -> b.stateMachineArn(sm).input("{\"service\": \"web\"}"));
        long start = System.nanoTime();
        GetActivityTaskResponse task = running.sfn().getActivityTask(b -> b.activityArn(activity));
        assertThat(task.taskToken()).as("the task went to the worker still there").isNotBlank();
        assertThat(task.input()).isEqualTo("{\"service\":\"web\"}");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theSdkReadsATaskThatArrivesAfterSeveralSecondsOfHeartbeats() throws Exception {
        String activity = running.sfn().createActivity(b -> b.name("Deploy")).activityArn();
        String sm = running.sfn().createStateMachine(b -> b.name("Worker")
                .definition(Definitions.activityTask(activity)).roleArn(ROLE)).stateMachineArn();
        CompletableFuture<GetActivityTaskResponse> poll = CompletableFuture.supplyAsync(
                () -> running.sfn().getActivityTask(b -> b.activityArn(activity).workerName("w")));
        Thread.sleep(2_500);
        assertThat(poll).isNotDone();
        running.sfn().startExecution(b -> b.stateMachineArn(sm).input("{\"n\": 1}"));
        GetActivityTaskResponse task = poll.get(5, TimeUnit.SECONDS);
        assertThat(task.input()).isEqualTo("{\"n\":1}");
        running.sfn().sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{}"));
    }

    @Test
    void aRequestAddressedToAnotherHostIsRefusedWithAnAwsShapedError() throws Exception {
        for (String host : List.of("attacker.example.com", "attacker.example.com:" + running.server().endpoint().getPort(),
                "127.0.0.1.attacker.example.com", "localhost.attacker.example.com", "192.168.1.10")) {
            String response = exchange(request(host, "AWSStepFunctions.ListStateMachines", "{}"));
            assertThat(response).as(host).startsWith("HTTP/1.1 403");
            JsonNode error = new ObjectMapper().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
            assertThat(error.get("__type").asText()).isEqualTo("com.amazon.coral.service#AccessDeniedException");
            assertThat(error.get("message").asText()).contains(host).contains("loopback");
        }
    }

    @Test
    void requestsAddressedToLoopbackNamesAreAnswered() throws Exception {
        int port = running.server().endpoint().getPort();
        for (String host : List.of("localhost", "localhost:" + port, "LOCALHOST.", "127.0.0.1", "127.0.0.1:" + port,
                "127.1.2.3", "[::1]:" + port)) {
            String response = exchange(request(host, "AWSStepFunctions.ListStateMachines", "{}"));
            assertThat(response).as(host).startsWith("HTTP/1.1 200");
        }
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket(running.server().endpoint().getHost(), running.server().endpoint().getPort())) {
            socket.setSoTimeout(5_000);
            send(socket, request.replace("HTTP/1.1\r\n", "HTTP/1.1\r\nConnection: close\r\n"));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
