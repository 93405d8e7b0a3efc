package io.jenkins.plugins.stepfunctions.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** sfn local's web console over HTTP: the page, the view it polls, and who may answer an approval. */
class ConsoleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GATE = """
            {"StartAt":"Ask","States":{
              "Ask":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken",
                "Parameters":{"TopicArn":"arn:aws:sns:us-east-1:123456789012:t","Message":{"TaskToken.$":"$$.Task.Token",
                  "approval":{"message":"Ship <b>it</b>?","parameters":{"ticket":"CHG-1"}}}},
                "ResultPath":"$.approval","End":true}}}""";
    private static TestEngine running;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        running = TestEngine.options().timeScale(0.01).serve();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void theRootServesTheConsolePageWithEverythingInlined() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("SfnView", "dagre", "/console/api/view", "X-Amz-Target").doesNotContain("<script src");
    }

    @Test
    void theViewOfAWaitingApprovalSaysSoAndIsUnchangedUntilTheNextEvent() throws Exception {
        String execution = startGate("view");
        JsonNode view = awaitStatus(execution, "APPROVAL_PENDING");

        assertThat(view.at("/states/Ask/approval/message").asText()).isEqualTo("Ship <b>it</b>?");
        assertThat(get("/console/api/view?execution=" + enc(execution)).body()).doesNotContain("<b>");
        assertThat(get("/console/api/view?execution=" + enc(execution) + "&since=" + view.get("lastEventId").asLong()).body())
                .isEqualTo("{\"unchanged\":true}");
        assertThat(JSON.readTree(get("/console/api/state-machines").body()).findValuesAsText("arn")).contains(execution);
    }

    @Test
    void anAnswerFromTheConsolePageApprovesTheTaskWithTheApprovalsParameters() throws Exception {
        String execution = startGate("approve");
        long scheduled = awaitStatus(execution, "APPROVAL_PENDING").at("/states/Ask/approval/scheduledEventId").asLong();

        HttpResponse<String> answer = answer(execution, scheduled, true, null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        awaitExecution(execution, "SUCCEEDED");
        String output = running.sfn().describeExecution(b -> b.executionArn(execution)).output();
        assertThat(JSON.readTree(output).at("/approval/approved").asBoolean()).isTrue();
        assertThat(JSON.readTree(output).at("/approval/parameters/ticket").asText()).isEqualTo("CHG-1");
        assertThat(answer(execution, scheduled, true, null).statusCode()).as("answered once only").isEqualTo(409);
    }

    @Test
    void theConsoleShowsTheTaskTokenRedactedAndStillAnswersWithIt() throws Exception {
        String execution = startGate("token");
        long scheduled = awaitStatus(execution, "APPROVAL_PENDING").at("/states/Ask/approval/scheduledEventId").asLong();
        String parameters = running.sfn().getExecutionHistory(b -> b.executionArn(execution)).events().stream()
                .filter(e -> e.taskScheduledEventDetails() != null).findFirst().orElseThrow()
                .taskScheduledEventDetails().parameters();
        String token = JSON.readTree(parameters).at("/Message/TaskToken").asText();

        String history = get("/console/api/history?execution=" + enc(execution)).body();
        String view = get("/console/api/view?execution=" + enc(execution)).body();

        assertThat(token).hasSizeGreaterThan(20);
        assertThat(history).doesNotContain(token).contains(token.substring(0, 6) + "\u2026(" + token.length() + " chars)");
        assertThat(view).doesNotContain(token);
        assertThat(answer(execution, scheduled, true, null).statusCode()).isEqualTo(200);
        awaitExecution(execution, "SUCCEEDED");
    }

    @Test
    void aRejectionFailsTheTaskWithApprovalRejected() throws Exception {
        String execution = startGate("reject");
        long scheduled = awaitStatus(execution, "APPROVAL_PENDING").at("/states/Ask/approval/scheduledEventId").asLong();

        assertThat(answer(execution, scheduled, false, null).statusCode()).isEqualTo(200);

        awaitExecution(execution, "FAILED");
        assertThat(running.sfn().describeExecution(b -> b.executionArn(execution)).error()).isEqualTo("Approval.Rejected");
    }

    @Test
    void anAnswerFromAnotherSiteOrWithoutTheConsoleHeaderIsRefused() throws Exception {
        String execution = startGate("csrf");
        long scheduled = awaitStatus(execution, "APPROVAL_PENDING").at("/states/Ask/approval/scheduledEventId").asLong();

        assertThat(answer(execution, scheduled, true, "http://evil.example").statusCode()).isEqualTo(403);
        HttpResponse<String> bare = http.send(HttpRequest.newBuilder(running.server().endpoint().resolve("/console/api/answer"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"execution\":\"" + execution + "\",\"scheduledEventId\":" + scheduled
                        + ",\"approve\":true}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).isEqualTo(403);
        assertThat(running.sfn().describeExecution(b -> b.executionArn(execution)).statusAsString()).isEqualTo("RUNNING");
    }

    @Test
    void aRequestAddressedToAnotherHostNameGetsNoConsole() throws Exception {
        String response = raw("GET /console/api/state-machines HTTP/1.1\r\nHost: rebind.example:80\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 403");
        assertThat(raw("GET / HTTP/1.1\r\nHost: rebind.example\r\nConnection: close\r\n\r\n")).doesNotContain("SfnView");
    }

    private String startGate(String name) {
        String machine = running.sfn().createStateMachine(b -> b.name("gate-" + name).definition(GATE)
                .roleArn("arn:aws:iam::123456789012:role/r")).stateMachineArn();
        return running.sfn().startExecution(b -> b.stateMachineArn(machine)).executionArn();
    }

    private JsonNode awaitStatus(String execution, String status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            JsonNode view = JSON.readTree(get("/console/api/view?execution=" + enc(execution)).body());
            if (view.at("/states/Ask/status").asText().equals(status)) {
                return view;
            }
            assertThat(Instant.now()).as("Ask never became " + status + ": " + view).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private void awaitExecution(String execution, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!running.sfn().describeExecution(b -> b.executionArn(execution)).statusAsString().equals(status)) {
            assertThat(Instant.now()).as("execution never " + status).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private HttpResponse<String> answer(String execution, long scheduled, boolean approve, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(running.server().endpoint().resolve("/console/api/answer"))
                .header("Content-Type", "application/json").header(ConsoleHandler.ANSWER_HEADER, "1")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("execution", execution)
                        .put("scheduledEventId", scheduled).put("approve", approve).put("comment", "from the test").toString()));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(running.server().endpoint().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket(running.server().endpoint().getHost(), running.server().endpoint().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
