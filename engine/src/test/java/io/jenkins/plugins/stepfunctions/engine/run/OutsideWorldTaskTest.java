package io.jenkins.plugins.stepfunctions.engine.run;

import static io.jenkins.plugins.stepfunctions.engine.run.Histories.await;
import static io.jenkins.plugins.stepfunctions.engine.run.Histories.first;
import static io.jenkins.plugins.stepfunctions.engine.run.Histories.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.stepfunctions.engine.ApiException;
import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutsideWorldTaskTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CALLBACK = "{\"StartAt\":\"Approve\",\"States\":{\"Approve\":{\"Type\":\"Task\","
            + "\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\",\"Parameters\":{\"QueueUrl\":\"q\","
            + "\"MessageBody\":{\"token.$\":\"$$.Task.Token\",\"approval\":{\"message\":\"ship it?\"}}},"
            + "%s\"End\":true}}}";

    private static String tokenOf(Execution e) throws Exception {
        for (int i = 0; i < 1000 && e.history().size() < 4; i++) {
            Thread.sleep(10);
        }
        JsonNode params = JSON.readTree(first(e, "TaskScheduled").details().path("parameters").asText());
        return params.path("MessageBody").path("token").asText();
    }

    @Test
    void callbackTokenAppearsInTaskScheduledAndSendTaskSuccessCompletesTheTask() throws Exception {
        try (TestEngine fx = TestEngine.options().timeScale(0.001).inProcess()) {
            Execution e = fx.start(String.format(CALLBACK, ""), "{}");
            String token = tokenOf(e);
            assertThat(token).startsWith("AQC");
            assertThat(first(e, "TaskScheduled").details().path("resourceType").asText()).isEqualTo("sqs");
            assertThat(first(e, "TaskScheduled").details().path("resource").asText())
                    .isEqualTo("sendMessage.waitForTaskToken");
            fx.engine().sendTaskSuccess(token, "{\"approved\":true}");
            await(e);
            assertThat(e.output()).isEqualTo("{\"approved\":true}");
            assertThat(types(e)).containsExactly("ExecutionStarted", "TaskStateEntered", "TaskScheduled",
                    "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded");
            assertThatThrownBy(() -> fx.engine().sendTaskSuccess(token, "{}"))
                    .isInstanceOfSatisfying(ApiException.class, x -> assertThat(x.type()).isEqualTo("TaskDoesNotExist"));
            assertThatThrownBy(() -> fx.engine().sendTaskSuccess("garbage-token", "{}"))
                    .isInstanceOfSatisfying(ApiException.class, x -> assertThat(x.type()).isEqualTo("InvalidToken"));
        }
    }

    @Test
    void sendTaskFailureFailsTheTaskWithTheGivenError() throws Exception {
        try (TestEngine fx = TestEngine.options().timeScale(0.001).inProcess()) {
            Execution e = fx.start(String.format(CALLBACK, ""), "{}");
            fx.engine().sendTaskFailure(tokenOf(e), "Rejected", "no");
            await(e);
            assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(e.error()).isEqualTo("Rejected");
            assertThat(first(e, "TaskFailed").details().path("cause").asText()).isEqualTo("no");
        }
    }

    @Test
    void missingHeartbeatTimesTheTaskOutAndLateAnswersGetTaskTimedOut() throws Exception {
        try (TestEngine fx = TestEngine.options().timeScale(0.001).inProcess()) {
            Execution e = fx.start(String.format(CALLBACK, "\"HeartbeatSeconds\":2,"), "{}");
            String token = tokenOf(e);
            await(e);
            assertThat(e.error()).isEqualTo("States.HeartbeatTimeout");
            assertThat(types(e)).contains("TaskTimedOut");
            assertThatThrownBy(() -> fx.engine().sendTaskHeartbeat(token))
                    .isInstanceOfSatisfying(ApiException.class, x -> assertThat(x.type()).isEqualTo("TaskTimedOut"));
        }
    }

    @Test
    void activityTaskGoesToAPollingWorker() throws Exception {
        String arn = "arn:aws:states:us-east-1:123456789012:activity:approve";
        try (TestEngine fx = TestEngine.options().timeScale(0.001).inProcess()) {
            fx.engine().registerActivity(arn);
            var poll = fx.engine().pollActivity(arn, "worker-1", Duration.ofSeconds(30));
            Execution e = fx.start("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"" + arn
                    + "\",\"End\":true}}}", "{\"n\":1}");
            Optional<ActivityTask> task = poll.get(30, TimeUnit.SECONDS);
            assertThat(task).isPresent();
            assertThat(task.get().input()).isEqualTo("{\"n\":1}");
            fx.engine().sendTaskSuccess(task.get().taskToken(), "{\"done\":1}");
            await(e);
            assertThat(e.output()).isEqualTo("{\"done\":1}");
            assertThat(types(e)).containsExactly("ExecutionStarted", "TaskStateEntered", "ActivityScheduled",
                    "ActivityStarted", "ActivitySucceeded", "TaskStateExited", "ExecutionSucceeded");
            assertThat(first(e, "ActivityStarted").details().path("workerName").asText()).isEqualTo("worker-1");
            assertThat(fx.engine().pollActivity(arn, "w", Duration.ofMillis(50)).get(5, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void mockedTaskAnswersByInvocationIndexAndRetries() throws Exception {
        JsonNode mocks = JSON.readTree("{\"StateMachines\":{\"Deploy\":{\"TestCases\":{\"Flaky\":{\"Call\":\"R\"}}}},"
                + "\"MockedResponses\":{\"R\":{\"0\":{\"Throw\":{\"Error\":\"Lambda.ServiceException\",\"Cause\":\"x\"}},"
                + "\"1\":{\"Return\":{\"StatusCode\":200,\"Payload\":{\"ok\":true}}}}}}");
        try (TestEngine fx = TestEngine.options().timeScale(0.001).mockConfig(mocks).inProcess()) {
            Execution e = await(fx.start("{\"StartAt\":\"Call\",\"States\":{\"Call\":{\"Type\":\"Task\",\"Resource\":"
                    + "\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"f\"},\"OutputPath\":"
                    + "\"$.Payload\",\"Retry\":[{\"ErrorEquals\":[\"Lambda.ServiceException\"]}],\"End\":true}}}",
                    "{}", "Flaky"));
            assertThat(e.output()).isEqualTo("{\"ok\":true}");
            assertThat(types(e)).containsExactly("ExecutionStarted", "TaskStateEntered", "TaskScheduled",
                    "TaskStarted", "TaskFailed", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited",
                    "ExecutionSucceeded");
        }
    }

    @Test
    void unmockedTaskFailsWithACauseThatShowsHowToMockIt() {
        try (TestEngine fx = TestEngine.options().timeScale(0.001).inProcess()) {
            Execution e = await(fx.start("{\"StartAt\":\"Deploy\",\"States\":{\"Deploy\":{\"Type\":\"Task\","
                    + "\"Resource\":\"arn:aws:states:::ecs:runTask.sync\",\"End\":true}}}", "{}"));
            assertThat(e.error()).isEqualTo("States.Runtime");
            assertThat(e.cause()).contains("'Deploy'").contains("MockedResponses").contains("\"Deploy\"");
        }
    }

    @Test
    void httpInvokeCallsTheEndpointForReal() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> seen = new CopyOnWriteArrayList<>();
        server.createContext("/hook", x -> {
            seen.add(x.getRequestMethod() + " " + x.getRequestURI() + " " + x.getRequestHeaders().getFirst("X-Key")
                    + " " + new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "{\"accepted\":true}".getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        try (TestEngine fx = TestEngine.options().timeScale(0.001).inProcess()) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            Execution e = await(fx.start("{\"StartAt\":\"Call\",\"States\":{\"Call\":{\"Type\":\"Task\",\"Resource\":"
                    + "\"arn:aws:states:::http:invoke\",\"Parameters\":{\"ApiEndpoint\":\"" + url + "\",\"Method\":"
                    + "\"POST\",\"Authentication\":{\"ConnectionArn\":\"arn:aws:events:us-east-1:123456789012:connection/h/1\"},"
                    + "\"Headers\":{\"X-Key\":\"k\"},\"QueryParameters\":{\"a\":\"b c\"},\"RequestBody\":"
                    + "{\"build\":7}},\"End\":true}}}", "{}"));
            assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            JsonNode out = JSON.readTree(e.output());
            assertThat(out.path("StatusCode").asInt()).isEqualTo(200);
            assertThat(out.path("StatusText").asText()).isEqualTo("OK");
            assertThat(out.path("ResponseBody").path("accepted").asBoolean()).isTrue();
            assertThat(seen).containsExactly("POST /hook?a=b+c k {\"build\":7}");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void statusChangesArePostedAsEventBridgeEvents() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        server.createContext("/", x -> {
            events.add(JSON.readTree(x.getRequestBody().readAllBytes()));
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        server.start();
        try (TestEngine fx = TestEngine.options().timeScale(0.001).listener(URI.create("http://127.0.0.1:"
                + server.getAddress().getPort() + "/")).inProcess()) {
            await(fx.start("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}", "{\"x\":1}"));
            for (int i = 0; i < 1000 && events.size() < 2; i++) {
                Thread.sleep(10);
            }
            assertThat(events).extracting(ev -> ev.path("detail").path("status").asText())
                    .containsExactlyInAnyOrder("RUNNING", "SUCCEEDED");
            JsonNode done = events.stream().filter(ev -> ev.path("detail").path("status").asText().equals("SUCCEEDED"))
                    .findFirst().orElseThrow();
            assertThat(done.path("detail-type").asText()).isEqualTo("Step Functions Execution Status Change");
            assertThat(done.path("source").asText()).isEqualTo("aws.states");
            assertThat(done.path("detail").path("output").asText()).isEqualTo("{\"x\":1}");
            assertThat(done.path("detail").path("stateMachineArn").asText()).isEqualTo(TestEngine.SM_ARN);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void redriveRestartsFromTheFailedState() throws Exception {
        JsonNode mocks = JSON.readTree("{\"StateMachines\":{\"Deploy\":{\"TestCases\":{\"T\":{\"Call\":\"R\"}}}},"
                + "\"MockedResponses\":{\"R\":{\"0\":{\"Throw\":{\"Error\":\"Boom\"}},\"1\":{\"Return\":{\"v\":2}}}}}");
        try (TestEngine fx = TestEngine.options().timeScale(0.001).mockConfig(mocks).inProcess()) {
            Execution e = await(fx.start("{\"StartAt\":\"First\",\"States\":{\"First\":{\"Type\":\"Pass\",\"Next\":"
                    + "\"Call\"},\"Call\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"End\":"
                    + "true}}}", "{}", "T"));
            assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
            e.redrive();
            await(e);
            assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(e.redriveCount()).isEqualTo(1);
            assertThat(types(e)).containsSubsequence("ExecutionFailed", "ExecutionRedriven", "TaskStateEntered",
                    "TaskSucceeded", "ExecutionSucceeded");
            assertThat(types(e).stream().filter(t -> t.equals("PassStateEntered"))).hasSize(1);
            assertThatThrownBy(e::redrive).isInstanceOfSatisfying(ApiException.class,
                    x -> assertThat(x.type()).isEqualTo("ExecutionNotRedrivable"));
        }
    }

    @Test
    void redriveAfterStopRestartsTheStateThatWasRunning() throws Exception {
        try (TestEngine fx = TestEngine.options().timeScale(0.001).inProcess()) {
            Execution e = fx.start(String.format(CALLBACK, ""), "{}");
            String firstToken = tokenOf(e);
            e.stop("Op.Abort", "by hand");
            await(e);
            assertThat(e.status()).isEqualTo(ExecutionStatus.ABORTED);
            e.redrive();
            for (int i = 0; i < 1000 && types(e).stream().filter(t -> t.equals("TaskScheduled")).count() < 2; i++) {
                Thread.sleep(10);
            }
            JsonNode params = JSON.readTree(Histories.events(e).stream()
                    .filter(x -> x.type().equals("TaskScheduled")).reduce((a, b) -> b).orElseThrow()
                    .details().path("parameters").asText());
            String secondToken = params.path("MessageBody").path("token").asText();
            assertThat(secondToken).isNotEqualTo(firstToken);
            fx.engine().sendTaskSuccess(secondToken, "{\"approved\":false}");
            await(e);
            assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(types(e)).containsSubsequence("ExecutionAborted", "ExecutionRedriven", "TaskStateEntered",
                    "TaskScheduled", "TaskSucceeded", "ExecutionSucceeded");
        }
    }

    @Test
    void activityTaskOfAStoppedExecutionIsNotHandedOut() throws Exception {
        String arn = "arn:aws:states:us-east-1:123456789012:activity:build";
        try (TestEngine fx = TestEngine.options().timeScale(0.001).inProcess()) {
            fx.engine().registerActivity(arn);
            Execution e = fx.start("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"" + arn
                    + "\",\"End\":true}}}", "{}");
            for (int i = 0; i < 1000 && !types(e).contains("ActivityScheduled"); i++) {
                Thread.sleep(10);
            }
            e.stop(null, null);
            await(e);
            assertThat(fx.engine().pollActivity(arn, "w", Duration.ofMillis(100)).get(5, TimeUnit.SECONDS)).isEmpty();
        }
    }
}
