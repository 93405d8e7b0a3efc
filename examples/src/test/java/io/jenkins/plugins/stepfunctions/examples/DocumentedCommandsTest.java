package io.jenkins.plugins.stepfunctions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.cli.SfnCommand;
import io.jenkins.plugins.stepfunctions.examples.Expectations.ExpectedRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Every {@code sfn run --local} command written in an example README or in the docs this module owns is run
 * as written (in-process, from the repository root's point of view) and must end as its test case expects,
 * so that a documented command cannot rot. Approvals are approved ({@code --approve-all}: no terminal here)
 * and waits run 1000 times faster than on AWS whatever the command's {@code --time-scale}.
 */
class DocumentedCommandsTest {
    private static final Pattern COMMAND = Pattern.compile("java -jar cli/target/sfn\\.jar (run --local (?:[^\\n]*\\\\\\n)*[^\\n]*)");
    private static final Map<String, ExampleFolder> EXAMPLES = ExampleFolder.under(Path.of(".")).stream()
            .collect(Collectors.toMap(ExampleFolder::name, Function.identity()));

    @TestFactory
    Stream<DynamicTest> everyDocumentedRunCommandEndsAsItsTestCaseExpects() throws IOException {
        List<Path> documents = new ArrayList<>();
        EXAMPLES.values().forEach(example -> documents.add(example.readmeFile()));
        documents.add(Path.of("..", "docs", "getting-started.md"));
        documents.add(Path.of("..", "docs", "patterns.md"));
        List<DynamicTest> tests = new ArrayList<>();
        for (Path document : documents) {
            Matcher m = COMMAND.matcher(Files.readString(document, StandardCharsets.UTF_8));
            while (m.find()) {
                String command = m.group(1).replace("\\\n", " ");
                tests.add(DynamicTest.dynamicTest(document + ": " + command, () -> runAsDocumented(command)));
            }
        }
        assertThat(tests).as("documented commands").hasSizeGreaterThanOrEqualTo(EXAMPLES.size());
        return tests.stream();
    }

    private static void runAsDocumented(String command) {
        List<String> args = new ArrayList<>();
        String example = null;
        String testCase = null;
        String[] words = command.trim().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.startsWith("examples/")) {
                example = example == null ? word.split("/")[1] : example;
                word = "../" + word;
            }
            if (word.equals("--test-case")) {
                testCase = words[i + 1];
            }
            if (word.equals("--time-scale")) {
                i++;
                continue;
            }
            args.add(word);
        }
        args.addAll(List.of("--time-scale", "0.001", "--approve-all", "--approver", "alice"));
        String caseName = testCase;
        ExpectedRun expected = EXAMPLES.get(example).expectations().runs().stream()
                .filter(run -> run.testCase().equals(caseName)).findFirst().orElseThrow();

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine sfn = SfnCommand.commandLine();
        sfn.setOut(new PrintWriter(out, true));
        sfn.setErr(new PrintWriter(err, true));
        int exit = sfn.execute(args.toArray(String[]::new));

        assertThat(exit).as("exit code of sfn %s%nout:%n%s%nerr:%n%s", String.join(" ", args), out, err)
                .isEqualTo(expected.status().equals("SUCCEEDED") ? 0 : 1);
        String log = out.toString();
        for (String state : expected.path()) {
            assertThat(log).as("the log shows %s entered", state).contains("> " + state + " (");
        }
    }
}
