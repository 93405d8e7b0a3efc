package io.jenkins.plugins.stepfunctions.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps the generated parts of every example README in step with the example: the diagram (from the
 * definition), the test-case table (from {@code expected-paths.json}) and the report of each test case it
 * links ({@link ExampleReports}). Each part sits between a
 * {@code <!-- BEGIN GENERATED: part -->} and an {@code <!-- END GENERATED: part -->} line; the text
 * around them is written by hand.
 *
 * <p>{@code main} rewrites the READMEs in place; the examples' tests fail when one differs.
 */
public final class ExampleReadmes {
    public static final String DIAGRAM = "diagram";
    public static final String TEST_CASES = "test-cases";

    private ExampleReadmes() {
    }

    /** Regenerates the READMEs of the examples under {@code args[0]} (default: the current directory). */
    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        for (ExampleFolder example : ExampleFolder.under(root)) {
            String current = read(example.readmeFile());
            String generated = regenerate(current, example);
            if (!generated.equals(current)) {
                write(example.readmeFile(), generated);
                System.out.println("updated " + example.readmeFile());
            }
            if (!ExampleReports.stale(example).isEmpty()) {
                try {
                    ExampleReports.write(example);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                System.out.println("updated " + example.dir().resolve(ExampleReports.FOLDER));
            }
        }
    }

    /** {@code readme} with its generated parts replaced by what {@code example} generates now. */
    public static String regenerate(String readme, ExampleFolder example) {
        String withDiagram = replacePart(readme, DIAGRAM,
                "```mermaid\n" + MermaidDiagram.render(example.definition()) + "```\n", example);
        return replacePart(withDiagram, TEST_CASES, testCaseTable(example.expectations()), example);
    }

    static String testCaseTable(Expectations expectations) {
        StringBuilder table = new StringBuilder("| test case | what happens | states entered (top level) | result | live view |\n");
        table.append("| --- | --- | --- | --- | --- |\n");
        for (Expectations.ExpectedRun run : expectations.runs()) {
            String answers = run.approvals().stream()
                    .map(a -> (a.approve() ? "approved" : "rejected") + " at `" + a.state() + "`")
                    .reduce((a, b) -> a + ", " + b).map(s -> " (" + s + ")").orElse("");
            table.append("| `").append(run.testCase()).append("` | ")
                    .append(run.description()).append(answers).append(" | ")
                    .append(String.join(" → ", run.path())).append(" | ")
                    .append(run.status()).append(run.error() == null ? "" : " `" + run.error() + "`")
                    .append(" | [report](").append(ExampleReports.FOLDER).append('/').append(run.testCase()).append(".html)")
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String replacePart(String readme, String part, String content, ExampleFolder example) {
        String begin = "<!-- BEGIN GENERATED: " + part + " -->\n";
        String end = "<!-- END GENERATED: " + part + " -->";
        int from = readme.indexOf(begin);
        int to = readme.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(example.readmeFile() + " has no generated " + part + " part: add the lines `"
                    + begin.strip() + "` and `" + end + "` where it belongs");
        }
        return readme.substring(0, from + begin.length()) + content + readme.substring(to);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The README of {@code example} as it is on disk. */
    public static String current(ExampleFolder example) {
        return read(example.readmeFile());
    }

    /** Every example whose README differs from what it generates, or whose reports are missing or out of date. */
    public static List<ExampleFolder> stale(Path root) {
        return ExampleFolder.under(root).stream()
                .filter(example -> !regenerate(current(example), example).equals(current(example))
                        || !ExampleReports.stale(example).isEmpty())
                .toList();
    }
}
