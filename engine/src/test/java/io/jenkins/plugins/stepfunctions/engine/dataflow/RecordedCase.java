package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One execution recorded against AWS, read from the conformance cases of this module (definition, input and
 * expected status, output, error and cause).
 */
record RecordedCase(String id, JsonNode definition, JsonNode input, JsonNode expected) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static List<RecordedCase> all() {
        try {
            Path folder = Path.of(RecordedCase.class.getResource("/conformance/cases").toURI());
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(file -> !file.getFileName().toString().startsWith("_"))
                        .sorted().map(RecordedCase::load).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RecordedCase load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode node = MAPPER.readTree(in);
            return new RecordedCase(node.get("id").asText(), node.get("definition"), node.get("input"),
                    node.get("expected"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String area() {
        return id.substring(0, id.indexOf('.'));
    }

    @Override
    public String toString() {
        return id;
    }

    /**
     * Whether {@code actual} matches the recorded {@code expected} value, where a recorded string holding
     * {@code <placeholder>} parts (account ids, dates, names the recording normalised) matches any text there.
     */
    static boolean matches(JsonNode expected, JsonNode actual) {
        if (expected == null || actual == null) {
            return expected == actual || expected != null && expected.isNull() && actual == null;
        }
        if (expected.isTextual() && actual.isTextual() && expected.textValue().contains("<")) {
            return placeholderPattern(expected.textValue()).matcher(actual.textValue()).matches();
        }
        if (expected.isTextual() && expected.textValue().equals("RandomNumberGenerated")) {
            // the recording replaced the random number that States.MathRandom returned
            return actual.isNumber();
        }
        if (expected.isTextual() && expected.textValue().matches("<[^>]*>|date|start-time|entered-time")) {
            return true;
        }
        if (expected.isObject() && actual.isObject()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            var fields = expected.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if (!matches(field.getValue(), actual.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!matches(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    private static Pattern placeholderPattern(String expected) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < expected.length()) {
            int open = expected.indexOf('<', i);
            int close = open < 0 ? -1 : expected.indexOf('>', open);
            if (open < 0 || close < 0) {
                regex.append(Pattern.quote(expected.substring(i)));
                break;
            }
            regex.append(Pattern.quote(expected.substring(i, open))).append(".*");
            i = close + 1;
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
