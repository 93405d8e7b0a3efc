package io.jenkins.plugins.stepfunctions.testing;

import io.jenkins.plugins.stepfunctions.testing.TestRunner.CaseResult;
import io.jenkins.plugins.stepfunctions.testing.TestRunner.Results;
import java.io.PrintWriter;
import java.util.Locale;

/** The results as people read them: a line per test case, the differences of each failure, then coverage. */
public final class Summary {
    private Summary() {
    }

    public static void print(Results results, PrintWriter out, boolean listMissed) {
        int nameWidth = results.cases().stream().mapToInt(c -> c.suite().name().length() + 1 + c.spec().name().length())
                .max().orElse(10);
        for (CaseResult c : results.cases()) {
            String id = c.suite().name() + "#" + c.spec().name();
            out.printf(Locale.ROOT, "%s  %-" + nameWidth + "s %6d ms%n", c.passed() ? "PASS" : "FAIL", id,
                    c.observed().duration().toMillis());
            for (String difference : c.differences()) {
                difference.lines().forEach(line -> out.println("        " + line));
            }
        }
        out.println();
        out.println("Coverage");
        results.coverage().forEach((suite, report) -> {
            out.println("  " + suite.name() + "  " + report.summary());
            if (listMissed && !report.missed().isEmpty()) {
                out.println("    never taken:");
                report.missed().forEach(item -> out.println("      " + item));
            }
        });
        out.printf(Locale.ROOT, "%n%d test cases, %d passed, %d failed in %.1f s; coverage %s%n", results.cases().size(),
                results.cases().size() - results.failures(), results.failures(), results.duration().toMillis() / 1000.0,
                results.total().summary());
        out.flush();
    }
}
