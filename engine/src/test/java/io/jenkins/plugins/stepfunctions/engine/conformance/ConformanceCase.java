package io.jenkins.plugins.stepfunctions.engine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One execution recorded against AWS (see the corpus README): the definition and input, and
 * what AWS answered in {@code expected}.
 */
record ConformanceCase(String id, String area, List<String> tags, JsonNode definition, JsonNode input,
                       boolean inputOmitted, JsonNode expected, JsonNode transforms, String testCase,
                       String stateMachineName, List<String> ignorePaths) {

    static final String RESOURCE_DIR = "/conformance/cases";

    static ConformanceCase of(JsonNode json) {
        return new ConformanceCase(json.get("id").asText(), json.path("area").asText(),
                strings(json.path("tags")), json.get("definition"), json.get("input"),
                json.path("inputOmitted").asBoolean(false), json.get("expected"),
                json.has("transforms") ? json.get("transforms") : PythonJson.loadsOrFail("[{\"t\": \"defaults\"}]"),
                json.hasNonNull("testCase") ? json.get("testCase").asText() : null,
                json.hasNonNull("stateMachineName") ? json.get("stateMachineName").asText() : null,
                strings(json.path("ignorePaths")));
    }

    boolean mocked() {
        return testCase != null && !testCase.isEmpty();
    }

    /** True when the definition is written in JSONata anywhere (top level or a state). */
    boolean usesJsonata() {
        return definition.toString().contains("\"QueryLanguage\":\"JSONata\"");
    }

    static Path directory() {
        try {
            return Path.of(ConformanceCase.class.getResource(RESOURCE_DIR).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every case of the corpus, by id; files starting with '_' are not cases. */
    static List<ConformanceCase> loadAll() {
        try (Stream<Path> files = Files.list(directory())) {
            List<ConformanceCase> out = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".json") && !name.startsWith("_")) {
                    out.add(of(PythonJson.MAPPER.readTree(file.toFile())));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode mockConfig() {
        try {
            return PythonJson.MAPPER.readTree(directory().resolve("_mock-config.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
