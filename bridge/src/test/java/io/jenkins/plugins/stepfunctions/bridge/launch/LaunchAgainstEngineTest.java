package io.jenkins.plugins.stepfunctions.bridge.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.bridge.BridgeException;
import io.jenkins.plugins.stepfunctions.bridge.EngineFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchAgainstEngineTest {
    static final String WAITS = """
            {"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":600,"End":true}}}""";
    static EngineFixture engine;
    static String machine;
    static Launcher launcher;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        engine = new EngineFixture();
        machine = engine.createMachine("deploy", WAITS);
        launcher = new Launcher(engine.clients.sfn());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private JsonNode inputOf(Launched l) throws Exception {
        return json.readTree(engine.clients.sfn().describeExecution(b -> b.executionArn(l.executionArn())).input());
    }

    @Test
    void mergesSourcesInOrderLaterOnesWinningKeyByKey(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("build-output.json"), "{\"image\":{\"tag\":\"file\",\"digest\":\"sha256:1\"},\"env\":\"staging\"}");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("env", "prod");
        values.put("image.tag", "2.0.1");
        values.put("replicas", "3");
        List<InputSource> sources = List.of(
                new InputSource.JsonText("{\"service\":\"shop\",\"env\":\"dev\"}"),
                new InputSource.JsonFile(file),
                new InputSource.Values(values, true),
                new InputSource.EnvironmentVariables(Map.of("DEPLOY_REGION", "eu-west-1", "HOME", "/root"), List.of(), "DEPLOY_"),
                new InputSource.BuildMetadata("build", "shop/main", "42", "https://ci/job/shop/42/", "abc123", "main"));

        Launched l = launcher.launch(new LaunchRequest(StateMachineRef.of(machine), sources, null, null));

        JsonNode input = inputOf(l);
        assertThat(input.path("service").asText()).isEqualTo("shop");
        assertThat(input.path("env").asText()).isEqualTo("prod");
        assertThat(input.path("image").path("tag").asText()).isEqualTo("2.0.1");
        assertThat(input.path("image").path("digest").asText()).isEqualTo("sha256:1");
        assertThat(input.path("replicas").asInt()).isEqualTo(3);
        assertThat(input.path("DEPLOY_REGION").asText()).isEqualTo("eu-west-1");
        assertThat(input.has("HOME")).isFalse();
        assertThat(input.path("build").path("number").asText()).isEqualTo("42");
        assertThat(input.path("build").path("gitCommit").asText()).isEqualTo("abc123");
    }

    @Test
    void aRetriedStartWithTheSameNameAndInputAttachesInsteadOfStartingASecondDeployment() {
        String name = ExecutionNames.derive("shop/main", "43", 1);
        LaunchRequest request = LaunchRequest.of(machine, "{\"v\":1}").withName(name);

        Launched first = launcher.launch(request);
        Launched again = launcher.launch(LaunchRequest.of(machine, "{ \"v\" : 1 }").withName(name));

        assertThat(again.executionArn()).isEqualTo(first.executionArn());
        assertThat(engine.clients.sfn().listExecutions(b -> b.stateMachineArn(machine)).executions()
                .stream().filter(e -> e.name().equals(name))).hasSize(1);
    }

    @Test
    void theSameNameWithADifferentInputAfterTheExecutionClosedIsRefusedWithAFix() {
        String name = "shop-main-44";
        Launched first = launcher.launch(LaunchRequest.of(machine, "{\"v\":1}").withName(name));
        engine.clients.sfn().stopExecution(b -> b.executionArn(first.executionArn()));

        assertThatThrownBy(() -> launcher.launch(LaunchRequest.of(machine, "{\"v\":2}").withName(name)))
                .isInstanceOf(BridgeException.class)
                .hasMessageContaining("already exists with a different input").hasMessageContaining("new execution name");
    }

    @Test
    void resolvesAStateMachineByNameAndRefusesAnUnknownOne() {
        Launched l = launcher.launch(LaunchRequest.of("deploy", "{}"));
        assertThat(l.stateMachineArn()).isEqualTo(machine);

        assertThatThrownBy(() -> launcher.launch(LaunchRequest.of("no-such-machine", "{}")))
                .isInstanceOf(BridgeException.class).hasMessageContaining("no state machine named 'no-such-machine'")
                .extracting(e -> ((BridgeException) e).errorName()).isEqualTo("StateMachineDoesNotExist");
        assertThatThrownBy(() -> launcher.launch(LaunchRequest.of(machine.replace("deploy", "gone"), "{}")))
                .isInstanceOf(BridgeException.class).hasMessageContaining("does not exist");
    }

    @Test
    void startsAPublishedVersionByQualifier() {
        String version = engine.clients.sfn().publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn();
        String number = version.substring(version.lastIndexOf(':') + 1);

        Launched l = launcher.launch(new LaunchRequest(new StateMachineRef(machine, number), List.of(), null, null));

        assertThat(l.stateMachineArn()).isEqualTo(version);
        assertThat(engine.clients.sfn().describeExecution(b -> b.executionArn(l.executionArn())).stateMachineVersionArn())
                .isEqualTo(version);
    }
}
