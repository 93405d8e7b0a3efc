package io.jenkins.plugins.stepfunctions.plugin.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import io.jenkins.plugins.stepfunctions.engine.server.EngineServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The embedded Step Functions engine on a free loopback port, Waits 100 times faster, and an SDK client to set
 * up state machines and look at executions the way an operator would.
 */
public final class Engine implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineServer server;
    private final SfnClient sfn;

    public Engine() throws IOException {
        this(null);
    }

    /** @param mockConfig a Step Functions Local MockConfigFile, or null */
    public Engine(JsonNode mockConfig) throws IOException {
        server = EngineServer.start("127.0.0.1", 0, new EngineConfig(Clock.systemUTC(), 0.01, mockConfig, null));
        sfn = SfnClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAENGINEFAKE", "x")))
                .build();
    }

    public String endpoint() {
        return server.endpoint().toString();
    }

    public SfnClient sfn() {
        return sfn;
    }

    /** Creates a state machine from its definition; returns its ARN. */
    public String stateMachine(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition)
                .roleArn("arn:aws:iam::123456789012:role/StepFunctionsDeployer")).stateMachineArn();
    }

    /** Creates the state machine of {@code /statemachines/<name>.asl.json}; returns its ARN. */
    public String stateMachine(String name) {
        String definition;
        try (InputStream in = Engine.class.getResourceAsStream("/statemachines/" + name + ".asl.json")) {
            definition = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sfn.createStateMachine(b -> b.name(name).definition(definition)
                .roleArn("arn:aws:iam::123456789012:role/StepFunctionsDeployer")).stateMachineArn();
    }

    public String status(String executionArn) {
        return sfn.describeExecution(b -> b.executionArn(executionArn)).statusAsString();
    }

    /** Waits (briefly) until the execution has scheduled a task with a token; returns the token. */
    public String taskToken(String executionArn) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            Optional<String> token = sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events().stream()
                    .filter(e -> "TaskScheduled".equals(e.typeAsString()))
                    .map(HistoryEvent::taskScheduledEventDetails)
                    .map(d -> read(d.parameters()).findValue("taskToken"))
                    .filter(t -> t != null && !t.isNull())
                    .map(JsonNode::asText)
                    .findFirst();
            if (token.isPresent()) {
                return token.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no task token in the history of " + executionArn);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        sfn.close();
        server.close();
    }
}
