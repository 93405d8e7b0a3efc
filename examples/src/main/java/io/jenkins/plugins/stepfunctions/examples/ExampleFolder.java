package io.jenkins.plugins.stepfunctions.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One example: a folder holding {@code statemachine.asl.json}, {@code mock-config.json} (Step Functions
 * Local MockConfigFile format), {@code input.json}, {@code expected-paths.json} and {@code README.md}.
 */
public record ExampleFolder(String name, Path dir) {
    public static final String DEFINITION = "statemachine.asl.json";
    public static final String MOCK_CONFIG = "mock-config.json";
    public static final String INPUT = "input.json";
    public static final String EXPECTED_PATHS = "expected-paths.json";
    public static final String README = "README.md";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every example under {@code root}, by name: the folders that hold a definition. */
    public static List<ExampleFolder> under(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(dir -> Files.isRegularFile(dir.resolve(DEFINITION)))
                    .sorted()
                    .map(dir -> new ExampleFolder(dir.getFileName().toString(), dir))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the examples in " + root, e);
        }
    }

    public Path definitionFile() {
        return dir.resolve(DEFINITION);
    }

    public Path mockConfigFile() {
        return dir.resolve(MOCK_CONFIG);
    }

    public Path inputFile() {
        return dir.resolve(INPUT);
    }

    public Path readmeFile() {
        return dir.resolve(README);
    }

    public JsonNode definition() {
        return read(definitionFile());
    }

    public JsonNode mockConfig() {
        return read(mockConfigFile());
    }

    public JsonNode input() {
        return read(inputFile());
    }

    public Expectations expectations() {
        return Expectations.from(read(dir.resolve(EXPECTED_PATHS)));
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
