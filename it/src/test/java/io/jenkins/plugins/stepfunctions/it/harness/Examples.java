package io.jenkins.plugins.stepfunctions.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The deployment state machines under {@code examples/}: definition, input, mock config and expected paths.
 * sfn local takes one mock config, so theirs are merged into one (each example's response names prefixed
 * with the example, so that two examples' "Success" responses cannot collide).
 */
public final class Examples {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public Examples(Path dir) {
        this.dir = dir;
    }

    public static Examples fromSystemProperty() {
        return new Examples(Path.of(System.getProperty("examples.dir", "../examples")));
    }

    /** One example's files. */
    public record Example(String name, String definition, String input, JsonNode expectedPaths) {
        /** The expected entered states of a test case. */
        public List<String> path(String testCase) {
            List<String> path = new ArrayList<>();
            expectedPaths.path("testCases").path(testCase).path("path").forEach(n -> path.add(n.asText()));
            return path;
        }

        public JsonNode testCase(String testCase) {
            return expectedPaths.path("testCases").path(testCase);
        }

        /** The first test case ending as {@code status} with no approval to answer. */
        public String firstTestCase(String status, boolean withApprovals) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expectedPaths.path("testCases").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                boolean approvals = entry.getValue().has("approvals");
                if (entry.getValue().path("status").asText().equals(status) && approvals == withApprovals) {
                    return entry.getKey();
                }
            }
            throw new IllegalStateException(name + " has no " + status + " test case " + (withApprovals ? "with" : "without")
                    + " approvals");
        }
    }

    public List<Example> all() {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(d -> Files.isRegularFile(d.resolve("statemachine.asl.json"))
                            && Files.isRegularFile(d.resolve("mock-config.json")))
                    .sorted()
                    .map(d -> example(d.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Example example(String name) {
        Path folder = dir.resolve(name);
        try {
            return new Example(name, Files.readString(folder.resolve("statemachine.asl.json")),
                    Files.readString(folder.resolve("input.json")),
                    JSON.readTree(folder.resolve("expected-paths.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every example's mock config in one file, plus {@code extra} (a MockConfigFile of the test's own). */
    public Path mergedMockConfig(Path target, JsonNode extra) throws IOException {
        ObjectNode merged = JSON.createObjectNode();
        ObjectNode machines = merged.putObject("StateMachines");
        ObjectNode responses = merged.putObject("MockedResponses");
        for (Example example : all()) {
            JsonNode config = JSON.readTree(dir.resolve(example.name()).resolve("mock-config.json").toFile());
            String prefix = example.name() + "/";
            config.path("StateMachines").fields().forEachRemaining(machine -> {
                ObjectNode copy = machines.putObject(machine.getKey());
                ObjectNode testCases = copy.putObject("TestCases");
                machine.getValue().path("TestCases").fields().forEachRemaining(tc -> {
                    ObjectNode states = testCases.putObject(tc.getKey());
                    tc.getValue().fields().forEachRemaining(s -> states.put(s.getKey(), prefix + s.getValue().asText()));
                });
            });
            config.path("MockedResponses").fields()
                    .forEachRemaining(r -> responses.set(prefix + r.getKey(), r.getValue()));
        }
        if (extra != null) {
            extra.path("StateMachines").fields().forEachRemaining(m -> machines.set(m.getKey(), m.getValue()));
            extra.path("MockedResponses").fields().forEachRemaining(r -> responses.set(r.getKey(), r.getValue()));
        }
        Files.createDirectories(target.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), merged);
        return target;
    }
}
