package io.jenkins.plugins.stepfunctions.bridge.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.bridge.EngineFixture;
import io.jenkins.plugins.stepfunctions.bridge.RecordingListener;
import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;
import io.jenkins.plugins.stepfunctions.bridge.launch.LaunchRequest;
import io.jenkins.plugins.stepfunctions.bridge.launch.Launcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** The result file: outcome and full history, with the task tokens the history carries redacted. */
class ResultFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CALLBACK = """
            {"StartAt":"AskRelease","States":{
              "AskRelease":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "Parameters":{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/q",
                  "MessageBody":{"TaskToken.$":"$$.Task.Token","nested":{"callbackToken.$":"$$.Task.Token"},"ticket":"CHG-1"}},
                "End":true}}}""";

    @Test
    void theHistoryInTheFileKeepsEveryEventButNoTaskTokenWhole(@TempDir Path dir) throws Exception {
        try (EngineFixture engine = new EngineFixture()) {
            String machine = engine.createMachine("callback", CALLBACK);
            String arn = new Launcher(engine.clients.sfn()).launch(LaunchRequest.of(machine, "{}")).executionArn();
            String token = null;
            for (int i = 0; i < 500 && token == null; i++) {
                token = engine.clients.sfn().getExecutionHistory(b -> b.executionArn(arn)).events().stream()
                        .filter(e -> e.taskScheduledEventDetails() != null).findFirst()
                        .map(e -> parameters(e).path("MessageBody").path("TaskToken").asText()).orElse(null);
                Thread.sleep(token == null ? 10 : 0);
            }
            String taskToken = token;
            engine.clients.sfn().sendTaskSuccess(b -> b.taskToken(taskToken).output("{\"approved\":true}"));
            Outcome outcome = engine.scheduler.follow(engine.follower(
                    io.jenkins.plugins.stepfunctions.bridge.watch.FollowState.start(arn), new RecordingListener()), "engine")
                    .result().get(30, TimeUnit.SECONDS);
            Path file = dir.resolve("result.json");

            ResultFile.write(file, outcome, engine.clients.sfn());

            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(taskToken).hasSizeGreaterThan(20);
            assertThat(text).doesNotContain(taskToken).contains(Secret.redact(taskToken));
            JsonNode written = JSON.readTree(text);
            long total = engine.clients.sfn().getExecutionHistory(b -> b.executionArn(arn)).events().size();
            assertThat(written.path("history")).hasSize((int) total);
            JsonNode scheduled = JSON.readTree(written.path("history").findValue("taskScheduledEventDetails")
                    .path("parameters").asText());
            assertThat(scheduled.path("MessageBody").path("ticket").asText()).as("other parameters are kept").isEqualTo("CHG-1");
            assertThat(scheduled.path("MessageBody").path("nested").path("callbackToken").asText())
                    .isEqualTo(Secret.redact(taskToken));
        }
    }

    private static JsonNode parameters(HistoryEvent e) {
        try {
            return JSON.readTree(e.taskScheduledEventDetails().parameters());
        } catch (java.io.IOException x) {
            throw new IllegalStateException(x);
        }
    }
}
