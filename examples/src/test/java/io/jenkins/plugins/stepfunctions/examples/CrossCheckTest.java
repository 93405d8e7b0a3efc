package io.jenkins.plugins.stepfunctions.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.examples.Expectations.ExpectedRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The expected paths are not only what our engine does: aws-local-stepfunctions, an independent ASL
 * interpreter (npm), runs every example x test case with the same mocks and answers
 * ({@code crosscheck/paths.cjs}) and must take the same path to the same end. Examples with a JSONata
 * state are skipped there (the peer has no JSONata). Visit counts are not compared: the peer keeps
 * starting a Map's queued iterations after one has failed, where AWS stops the Map. Needs Node.js and {@code npm ci --prefix
 * engine/crosscheck} (what {@code .ci/run} does); says so and skips otherwise.
 */
class CrossCheckTest {
    private static final Path PEER_MODULES = Path.of("..", "engine", "crosscheck", "node_modules").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anIndependentInterpreterTakesTheExpectedPathOfEveryTestCase() throws Exception {
        assumeTrue(Files.isDirectory(PEER_MODULES.resolve("aws-local-stepfunctions")),
                "aws-local-stepfunctions is not installed: run npm ci --prefix engine/crosscheck");
        assumeTrue(nodeWorks(), "node is not on the PATH");

        ProcessBuilder command = new ProcessBuilder("node", "crosscheck/paths.cjs", ".").redirectErrorStream(false);
        command.environment().put("NODE_PATH", PEER_MODULES.toString());
        command.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process peer = command.start();
        String out = new String(peer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(peer.waitFor(120, TimeUnit.SECONDS)).as("the peer finishes").isTrue();
        assertThat(peer.exitValue()).as("the peer's exit code; output:%n%s", out).isZero();

        Map<String, ExampleFolder> examples = ExampleFolder.under(Path.of(".")).stream()
                .collect(Collectors.toMap(ExampleFolder::name, Function.identity()));
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (String line : out.lines().toList()) {
            JsonNode result = JSON.readTree(line);
            if ("SKIPPED".equals(result.path("status").asText())) {
                continue;
            }
            ExampleFolder example = examples.get(result.path("example").asText());
            ExpectedRun full = example.expectations().runs().stream()
                    .filter(run -> run.testCase().equals(result.path("testCase").asText())).findFirst().orElseThrow();
            ExpectedRun expected = new ExpectedRun(full.testCase(), full.description(), full.status(), full.error(),
                    full.path(), full.inside(), Map.of(), full.approvals());
            List<String> entered = new ArrayList<>();
            result.path("entered").forEach(name -> entered.add(name.asText()));
            ObservedRun observed = new ObservedRun(result.path("status").asText(), result.path("error").asText(null),
                    null, entered, entered);
            ExamplePathsTest.differences(example, expected, observed)
                    .forEach(d -> problems.add(example.name() + "#" + expected.testCase() + ": " + d));
            compared++;
        }
        assertThat(problems).isEmpty();
        assertThat(compared).as("test cases compared").isGreaterThanOrEqualTo(29);
    }

    private static boolean nodeWorks() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            return node.waitFor(10, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
