package io.jenkins.plugins.stepfunctions.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.testing.TestCaseSpec.Approval;
import io.jenkins.plugins.stepfunctions.engine.asl.Diagnostic;
import io.jenkins.plugins.stepfunctions.engine.asl.InvalidDefinitionException;
import io.jenkins.plugins.stepfunctions.engine.asl.StateMachineDefinition;
import io.jenkins.plugins.stepfunctions.engine.dataflow.JsonPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds state machines and the files that go with them, and reads test files into {@link Suite}s.
 *
 * <p>Next to a definition {@code NAME.asl.json}: the test file {@code NAME.tests.json}, the mock config
 * {@code NAME.mock-config.json}, the input {@code NAME.input.json}. When the definition is
 * {@code statemachine.asl.json} or the only {@code *.asl.json} of its folder, the folder-wide names count
 * too: {@code tests.json} or {@code expected-paths.json}, {@code mock-config.json}, {@code input.json}.
 * A test file may name its definition and mock config itself ({@code definition}, {@code mockConfig}).
 */
public final class SuiteFiles {
    public static final String DEFINITION_SUFFIX = ".asl.json";
    public static final Set<String> STATUSES = Set.of("SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED");
    private static final Set<String> FILE_FIELDS = Set.of("stateMachineName", "definition", "mockConfig", "input",
            "inputFile", "timeScale", "testCases", "description", "$schema");
    private static final Set<String> CASE_FIELDS = Set.of("description", "mockTestCase", "input", "inputFile", "status",
            "error", "cause", "causeContains", "path", "inside", "visits", "output", "outputPaths", "approvals");
    private static final Set<String> APPROVAL_FIELDS = Set.of("state", "answer", "approver", "comment");
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", "node_modules", "build", "out");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a search found: suites to run, and definitions that have no test file. */
    public record Found(List<Suite> suites, List<Path> untested) {
    }

    private SuiteFiles() {
    }

    /**
     * The suites under {@code paths}: a folder is searched (hidden folders and build output skipped), a
     * definition or a test file is taken as it is. A definition named on the command line must have a test
     * file; one found in a folder without a test file is only reported.
     */
    public static Found find(List<Path> paths) {
        Set<Path> testFiles = new LinkedHashSet<>();
        List<Path> untested = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                for (Path definition : definitionsUnder(path)) {
                    Path testFile = testFileFor(definition);
                    if (testFile == null) {
                        untested.add(definition);
                    } else {
                        testFiles.add(testFile.normalize());
                    }
                }
            } else if (!Files.isRegularFile(path)) {
                throw new SpecException(path, null, "no such file or folder");
            } else if (isDefinition(path)) {
                Path testFile = testFileFor(path);
                if (testFile == null) {
                    throw new SpecException(path, null, "no test file next to it (" + String.join(" or ", testFileNames(path))
                            + "); write one with: sfn test --init " + path);
                }
                testFiles.add(testFile.normalize());
            } else {
                testFiles.add(path.normalize());
            }
        }
        List<Suite> suites = new ArrayList<>();
        for (Path testFile : testFiles) {
            suites.add(load(testFile));
        }
        return new Found(suites, untested);
    }

    static boolean isDefinition(Path file) {
        return file.getFileName().toString().endsWith(DEFINITION_SUFFIX);
    }

    private static List<Path> definitionsUnder(Path root) {
        TreeSet<Path> found = new TreeSet<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (name.startsWith(".") || SKIPPED_FOLDERS.contains(name));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isDefinition(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + root, e);
        }
        return List.copyOf(found);
    }

    /** {@code deploy} for {@code deploy.asl.json}. */
    static String baseName(Path definition) {
        String file = definition.getFileName().toString();
        return file.substring(0, file.length() - DEFINITION_SUFFIX.length());
    }

    /** Whether the folder-wide names (tests.json, mock-config.json, input.json) belong to this definition. */
    static boolean ownsFolder(Path definition) {
        if (baseName(definition).equals("statemachine")) {
            return true;
        }
        Path dir = parent(definition);
        if (Files.isRegularFile(dir.resolve("statemachine" + DEFINITION_SUFFIX))) {
            return false;
        }
        try (var files = Files.list(dir)) {
            return files.filter(SuiteFiles::isDefinition).count() == 1;
        } catch (IOException e) {
            return false;
        }
    }

    static List<String> testFileNames(Path definition) {
        List<String> names = new ArrayList<>(List.of(baseName(definition) + ".tests.json"));
        if (ownsFolder(definition)) {
            names.addAll(List.of("tests.json", "expected-paths.json"));
        }
        return names;
    }

    static Path testFileFor(Path definition) {
        return sibling(definition, testFileNames(definition));
    }

    static Path companion(Path definition, String suffix) {
        List<String> names = new ArrayList<>(List.of(baseName(definition) + "." + suffix));
        if (ownsFolder(definition)) {
            names.add(suffix);
        }
        return sibling(definition, names);
    }

    private static Path sibling(Path file, List<String> names) {
        for (String name : names) {
            Path candidate = parent(file).resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Path parent(Path file) {
        return file.getParent() == null ? Path.of("") : file.getParent();
    }

    /** The definition a test file belongs to: its {@code definition} field, or the one beside it. */
    private static Path definitionFor(Path testFile, JsonNode json) {
        Path dir = parent(testFile);
        if (json.hasNonNull("definition")) {
            Path named = dir.resolve(text(testFile, json, "definition"));
            if (!Files.isRegularFile(named)) {
                throw new SpecException(testFile, "definition", "no such file: " + named);
            }
            return named;
        }
        String file = testFile.getFileName().toString();
        List<Path> candidates = new ArrayList<>();
        if (file.endsWith(".tests.json")) {
            candidates.add(dir.resolve(file.substring(0, file.length() - ".tests.json".length()) + DEFINITION_SUFFIX));
        }
        candidates.add(dir.resolve("statemachine" + DEFINITION_SUFFIX));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        try (var files = Files.list(dir)) {
            List<Path> definitions = files.filter(SuiteFiles::isDefinition).toList();
            if (definitions.size() == 1) {
                return definitions.get(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new SpecException(testFile, "definition", "cannot tell which state machine this file tests: name it,"
                + " e.g. \"definition\": \"deploy.asl.json\"");
    }

    /** Reads and checks one test file, with its definition and mock config. */
    public static Suite load(Path testFile) {
        JsonNode json = readJson(testFile, null);
        if (!json.isObject()) {
            throw new SpecException(testFile, null, "must be a JSON object with \"testCases\"");
        }
        unknownFields(testFile, "", json, FILE_FIELDS);
        Path definitionFile = definitionFor(testFile, json);
        StateMachineDefinition definition = parseDefinition(definitionFile);
        Path dir = parent(testFile);

        Path mockFile = json.hasNonNull("mockConfig") ? dir.resolve(text(testFile, json, "mockConfig"))
                : companion(definitionFile, "mock-config.json");
        if (mockFile != null && !Files.isRegularFile(mockFile)) {
            throw new SpecException(testFile, "mockConfig", "no such file: " + mockFile);
        }
        JsonNode mockConfig = mockFile == null ? null : readJson(mockFile, null);
        if (mockConfig != null && !mockConfig.path("StateMachines").isObject()) {
            throw new SpecException(mockFile, "StateMachines", "missing: a MockConfigFile maps state machine names to test cases");
        }

        String name = json.hasNonNull("stateMachineName") ? text(testFile, json, "stateMachineName") : null;
        if (name == null && mockConfig != null && mockConfig.path("StateMachines").size() == 1) {
            name = mockConfig.path("StateMachines").fieldNames().next();
        }
        if (name == null) {
            name = baseName(definitionFile).equals("statemachine") ? parent(definitionFile).toAbsolutePath().normalize()
                    .getFileName().toString() : baseName(definitionFile);
        }
        JsonNode mockCases = null;
        if (mockConfig != null) {
            mockCases = mockConfig.path("StateMachines").path(name).path("TestCases");
            if (!mockCases.isObject()) {
                throw new SpecException(mockFile, "StateMachines." + name + ".TestCases", "missing: the mock config has no test"
                        + " cases for state machine " + name + " (it has " + fieldNames(mockConfig.path("StateMachines"))
                        + "); set \"stateMachineName\" in " + testFile.getFileName());
            }
        }

        Double timeScale = null;
        if (json.has("timeScale")) {
            JsonNode t = json.get("timeScale");
            if (!t.isNumber() || !(t.asDouble() > 0)) {
                throw new SpecException(testFile, "timeScale", "must be a positive number, such as 0.0001");
            }
            timeScale = t.asDouble();
        }
        String defaultInput = input(testFile, "", json, dir);
        if (defaultInput == null) {
            Path inputFile = companion(definitionFile, "input.json");
            defaultInput = inputFile == null ? "{}" : readJson(inputFile, null).toString();
        }

        JsonNode testCases = json.get("testCases");
        if (testCases == null || !testCases.isObject() || testCases.isEmpty()) {
            throw new SpecException(testFile, "testCases", "missing or empty: an object of test cases by name,"
                    + " e.g. {\"HappyPath\": {\"status\": \"SUCCEEDED\"}}");
        }
        Set<String> stateNames = Coverage.allStates(definition.graph()).keySet();
        Set<String> topLevel = definition.graph().states().keySet();
        List<TestCaseSpec> cases = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = testCases.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            cases.add(testCase(testFile, entry.getKey(), entry.getValue(), dir, defaultInput, mockFile, mockCases,
                    name, stateNames, topLevel));
        }
        return new Suite(name, testFile, definitionFile, definition, mockFile, mockConfig, timeScale, List.copyOf(cases));
    }

    private static TestCaseSpec testCase(Path file, String name, JsonNode c, Path dir, String defaultInput, Path mockFile,
                                         JsonNode mockCases, String machine, Set<String> states, Set<String> topLevel) {
        String at = "testCases." + name;
        if (!c.isObject()) {
            throw new SpecException(file, at, "must be an object, e.g. {\"status\": \"SUCCEEDED\"}");
        }
        unknownFields(file, at + ".", c, CASE_FIELDS);
        String mockTestCase = c.hasNonNull("mockTestCase") ? text(file, c, "mockTestCase", at) : name;
        if (mockCases == null) {
            if (c.hasNonNull("mockTestCase")) {
                throw new SpecException(file, at + ".mockTestCase", "there is no mock config for this state machine");
            }
            mockTestCase = null;
        } else if (!mockCases.has(mockTestCase)) {
            throw new SpecException(file, at + (c.hasNonNull("mockTestCase") ? ".mockTestCase" : ""), "no test case "
                    + mockTestCase + " in " + mockFile + " (StateMachines." + machine + ".TestCases has "
                    + fieldNames(mockCases) + "); add it there or set \"mockTestCase\"");
        }
        String input = input(file, at + ".", c, dir);
        String status = c.hasNonNull("status") ? text(file, c, "status", at) : null;
        if (status == null || !STATUSES.contains(status)) {
            throw new SpecException(file, at + ".status", (status == null ? "missing" : "\"" + status + "\" is not a status")
                    + ": one of SUCCEEDED, FAILED, TIMED_OUT, ABORTED");
        }
        List<String> path = c.has("path") ? stateList(file, at + ".path", c.get("path"), topLevel, "top-level state") : null;
        Map<String, List<String>> inside = new LinkedHashMap<>();
        if (c.has("inside")) {
            objectField(file, at + ".inside", c.get("inside"));
            c.get("inside").fields().forEachRemaining(e -> {
                if (!states.contains(e.getKey())) {
                    throw new SpecException(file, at + ".inside." + e.getKey(), "no such state in the definition");
                }
                inside.put(e.getKey(), stateList(file, at + ".inside." + e.getKey(), e.getValue(), states, "state"));
            });
        }
        Map<String, Integer> visits = new LinkedHashMap<>();
        if (c.has("visits")) {
            objectField(file, at + ".visits", c.get("visits"));
            c.get("visits").fields().forEachRemaining(e -> {
                if (!states.contains(e.getKey())) {
                    throw new SpecException(file, at + ".visits." + e.getKey(), "no such state in the definition");
                }
                if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber() || e.getValue().asInt() < 0) {
                    throw new SpecException(file, at + ".visits." + e.getKey(), "must be a count (0 or more)");
                }
                visits.put(e.getKey(), e.getValue().asInt());
            });
        }
        Map<String, JsonNode> outputPaths = new LinkedHashMap<>();
        if (c.has("outputPaths")) {
            objectField(file, at + ".outputPaths", c.get("outputPaths"));
            c.get("outputPaths").fields().forEachRemaining(e -> {
                String problem = e.getKey().startsWith("$") && !e.getKey().startsWith("$$") ? JsonPaths.checkSyntax(e.getKey())
                        : "must start with $";
                if (problem != null) {
                    throw new SpecException(file, at + ".outputPaths." + e.getKey(), "not a JSONPath: " + problem);
                }
                outputPaths.put(e.getKey(), e.getValue());
            });
        }
        List<Approval> approvals = new ArrayList<>();
        if (c.has("approvals")) {
            JsonNode list = c.get("approvals");
            if (!list.isArray()) {
                throw new SpecException(file, at + ".approvals", "must be an array of {\"state\", \"answer\", \"approver\", \"comment\"}");
            }
            for (int i = 0; i < list.size(); i++) {
                String a = at + ".approvals[" + i + "]";
                JsonNode approval = list.get(i);
                objectField(file, a, approval);
                unknownFields(file, a + ".", approval, APPROVAL_FIELDS);
                String state = approval.hasNonNull("state") ? text(file, approval, "state", a) : null;
                if (state == null || !states.contains(state)) {
                    throw new SpecException(file, a + ".state", state == null ? "missing: the state that asks for approval"
                            : "no state " + state + " in the definition");
                }
                String answer = approval.path("answer").asText("");
                if (!answer.equals("approve") && !answer.equals("reject")) {
                    throw new SpecException(file, a + ".answer", "must be \"approve\" or \"reject\"");
                }
                approvals.add(new Approval(state, answer.equals("approve"), approval.path("approver").asText("sfn-test"),
                        approval.path("comment").asText("")));
            }
        }
        return new TestCaseSpec(name, c.path("description").asText(""), mockTestCase, input == null ? defaultInput : input,
                status, optionalText(file, c, "error", at), optionalText(file, c, "cause", at),
                optionalText(file, c, "causeContains", at), path, inside, visits, c.get("output"), outputPaths,
                List.copyOf(approvals));
    }

    private static String input(Path file, String at, JsonNode node, Path dir) {
        if (node.has("input") && node.has("inputFile")) {
            throw new SpecException(file, at + "input", "give input or inputFile, not both");
        }
        if (node.has("input")) {
            return node.get("input").toString();
        }
        if (node.hasNonNull("inputFile")) {
            Path input = dir.resolve(node.get("inputFile").asText());
            if (!Files.isRegularFile(input)) {
                throw new SpecException(file, at + "inputFile", "no such file: " + input);
            }
            return readJson(input, null).toString();
        }
        return null;
    }

    private static List<String> stateList(Path file, String at, JsonNode node, Set<String> allowed, String what) {
        if (!node.isArray()) {
            throw new SpecException(file, at, "must be an array of state names");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode n = node.get(i);
            if (!n.isTextual()) {
                throw new SpecException(file, at + "[" + i + "]", "must be a state name (a string)");
            }
            if (!allowed.contains(n.asText())) {
                throw new SpecException(file, at + "[" + i + "]", "no " + what + " " + n.asText() + " in the definition");
            }
            names.add(n.asText());
        }
        return List.copyOf(names);
    }

    private static void objectField(Path file, String at, JsonNode node) {
        if (!node.isObject()) {
            throw new SpecException(file, at, "must be a JSON object");
        }
    }

    private static void unknownFields(Path file, String prefix, JsonNode node, Set<String> known) {
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                throw new SpecException(file, prefix + f, "unknown field; the fields are " + new TreeSet<>(known));
            }
        });
    }

    private static String text(Path file, JsonNode node, String field) {
        return text(file, node, field, null);
    }

    private static String text(Path file, JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            throw new SpecException(file, (at == null ? "" : at + ".") + field, "must be a string");
        }
        return value.asText();
    }

    private static String optionalText(Path file, JsonNode node, String field, String at) {
        return node.hasNonNull(field) ? text(file, node, field, at) : null;
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    static JsonNode readJson(Path file, String field) {
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new SpecException(file, field, "not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new SpecException(file, field, "cannot read: " + e);
        }
    }

    static StateMachineDefinition parseDefinition(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SpecException(file, null, "cannot read: " + e);
        }
        try {
            return StateMachineDefinition.parse(text);
        } catch (InvalidDefinitionException e) {
            Diagnostic first = e.diagnostics().isEmpty() ? null : e.diagnostics().get(0);
            throw new SpecException(file, first == null ? null : first.location(), "invalid definition: "
                    + (first == null ? e.getMessage() : first.message()) + " (sfn validate " + file + " lists every problem)");
        }
    }
}
