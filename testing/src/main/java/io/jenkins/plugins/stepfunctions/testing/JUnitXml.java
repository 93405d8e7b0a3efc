package io.jenkins.plugins.stepfunctions.testing;

import io.jenkins.plugins.stepfunctions.bridge.result.JUnitReport;
import io.jenkins.plugins.stepfunctions.testing.TestRunner.CaseResult;
import io.jenkins.plugins.stepfunctions.testing.TestRunner.Results;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The results as JUnit XML, as Jenkins' junit step, GitLab and most CI servers read it: one
 * {@code testsuite} per state machine, one {@code testcase} per test case (classname: the state machine,
 * name: the test case), a {@code failure} listing every difference with the expected and the actual path,
 * and the rendered execution log in {@code system-out}.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    public static void write(Results results, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(results), StandardCharsets.UTF_8);
    }

    public static String render(Results results) {
        List<JUnitReport.Suite> suites = results.coverage().keySet().stream().map(suite -> suite(results, suite)).toList();
        return JUnitReport.render(new JUnitReport.Suites("sfn test", results.duration(), suites));
    }

    private static JUnitReport.Suite suite(Results results, Suite suite) {
        List<JUnitReport.Property> properties = List.of(
                new JUnitReport.Property("definition", suite.definitionFile().toString()),
                new JUnitReport.Property("testFile", suite.testFile().toString()),
                new JUnitReport.Property("coverage", String.format(Locale.ROOT, "%.1f", results.coverage().get(suite).percent())));
        List<JUnitReport.Case> cases = results.cases().stream().filter(c -> c.suite() == suite).map(JUnitXml::testCase).toList();
        return new JUnitReport.Suite(suite.name(), properties, cases);
    }

    private static JUnitReport.Case testCase(CaseResult c) {
        if (c.passed()) {
            return new JUnitReport.Case(c.suite().name(), c.spec().name(), c.observed().duration(), null, null);
        }
        String paths = "expected status " + c.spec().status() + ", path "
                + (c.spec().path() == null ? "(not checked)" : c.spec().path())
                + "\nactual status " + c.observed().status() + ", path "
                + c.observed().enteredAmong(c.suite().definition().graph().states().keySet()) + "\n";
        JUnitReport.Failure failure = new JUnitReport.Failure(c.differences().get(0).lines().findFirst().orElse(""),
                "StateMachineTestFailure", String.join("\n", c.differences()) + "\n" + paths);
        return new JUnitReport.Case(c.suite().name(), c.spec().name(), c.observed().duration(), failure,
                String.join("\n", c.observed().log()) + "\n");
    }
}
