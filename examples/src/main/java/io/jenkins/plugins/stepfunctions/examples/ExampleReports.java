package io.jenkins.plugins.stepfunctions.examples;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.testing.SuiteFiles;
import io.jenkins.plugins.stepfunctions.testing.TestRunner;
import io.jenkins.plugins.stepfunctions.view.HistoryReplay;
import io.jenkins.plugins.stepfunctions.view.ReportPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The live-view report of every path of an example ({@code reports/<test case>.html}), which its README links:
 * each test case run on the embedded engine as {@code sfn test} runs it, its history drawn by the view module
 * (whose script and style it links from the view's sources: the reports are pages of this repository).
 * A report ends with a fingerprint of the files it was made from, so that a changed example shows which
 * reports are out of date without comparing pages (their timestamps differ from run to run).
 */
public final class ExampleReports {
    public static final String FOLDER = "reports";
    private static final String MARK = "<!-- made from the example's files, fingerprint ";
    /** The view's script, style and layout library, linked from the view module's sources rather than copied 35 times. */
    static final String ASSETS = "../../../view/src/main/resources/io/jenkins/plugins/stepfunctions/view";

    private ExampleReports() {
    }

    public static Path reportFile(ExampleFolder example, String testCase) {
        return example.dir().resolve(FOLDER).resolve(testCase + ".html");
    }

    /** The test cases whose report is missing or was made from other files. */
    public static List<String> stale(ExampleFolder example) {
        String mark = MARK + fingerprint(example) + " -->";
        List<String> stale = new ArrayList<>();
        for (Expectations.ExpectedRun run : example.expectations().runs()) {
            Path report = reportFile(example, run.testCase());
            try {
                if (!Files.exists(report) || !Files.readString(report, StandardCharsets.UTF_8).contains(mark)) {
                    stale.add(run.testCase());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + report, e);
            }
        }
        return stale;
    }

    /** Runs every test case of {@code example} and writes its report. */
    public static void write(ExampleFolder example) throws InterruptedException {
        TestRunner.Results results = new TestRunner(TestRunner.Options.defaults())
                .run(List.of(SuiteFiles.load(example.dir().resolve(ExampleFolder.EXPECTED_PATHS))));
        String mark = MARK + fingerprint(example) + " -->\n";
        for (TestRunner.CaseResult result : results.cases()) {
            List<JsonNode> history = List.copyOf(result.observed().events());
            String arn = "arn:aws:states:us-east-1:123456789012:execution:" + example.name() + ":" + result.spec().name();
            String html = ReportPage.linking(HistoryReplay.replay(arn, example.definition(), history), history, ASSETS) + mark;
            Path file = reportFile(example, result.spec().name());
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, html, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }

    /** What a report depends on: the definition, the mock config, the input and the test cases. */
    static String fingerprint(ExampleFolder example) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : List.of(example.definitionFile(), example.mockConfigFile(), example.inputFile(),
                    example.dir().resolve(ExampleFolder.EXPECTED_PATHS))) {
                // line endings do not change what a report shows
                sha.update(Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the files of " + example.dir(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
