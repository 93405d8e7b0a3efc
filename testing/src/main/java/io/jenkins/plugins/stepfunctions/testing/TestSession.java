package io.jenkins.plugins.stepfunctions.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One run of {@code sfn test} as both front ends run it (the CLI's {@code sfn test} and the Jenkins
 * {@code sfnTest} step): find the suites, run every case, print the summary, write the JUnit XML, and judge the
 * run against the coverage minimum (each front end words the verdict with its own option names). One place for that sequence and its verdict.
 */
public final class TestSession {
    private TestSession() {
    }

    /**
     * @param paths       folders, definitions or test files to search (an empty list: the current folder)
     * @param junitFile   where to write JUnit XML, or null
     * @param minCoverage the coverage percentage below which the run fails, or null
     * @param listMissed  list, per state machine, the states and branches never taken
     */
    public record Request(List<Path> paths, Path junitFile, Double minCoverage, TestRunner.Options options, boolean listMissed) {
        public Request {
            paths = List.copyOf(paths);
            if (minCoverage != null && !(minCoverage >= 0 && minCoverage <= 100)) {
                throw new IllegalArgumentException("minimum coverage " + minCoverage + " must be a percentage from 0 to 100");
            }
        }
    }

    /**
     * What a run found, small and serialisable: the Jenkins step sends it back from the agent and keeps it with
     * the build. {@code missed} lists what the tests never took, as {@code machine/State (kind label)}.
     */
    public record Report(int cases, int failures, List<String> failedCases, double coveragePercent, int taken, int total,
            List<String> missed, Double minCoverage, List<String> untested, long durationMillis) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public Report {
            failedCases = List.copyOf(failedCases);
            missed = List.copyOf(missed);
            untested = List.copyOf(untested);
        }

        public boolean coverageBelowMinimum() {
            return minCoverage != null && coveragePercent < minCoverage;
        }

        /** Every case passed and coverage reached the minimum. */
        public boolean passed() {
            return failures == 0 && !coverageBelowMinimum();
        }

        /** {@code 87.5%} */
        public String coverageText() {
            return String.format(Locale.ROOT, "%.1f%%", coveragePercent);
        }

        /** {@code 80%}, as the user wrote it */
        public String minCoverageText() {
            return minCoverage == null ? "" : new BigDecimal(minCoverage.toString()).stripTrailingZeros().toPlainString() + "%";
        }
    }

    /**
     * Runs the request, printing to {@code out} what {@code sfn test} prints.
     *
     * @throws SpecException when no test file is found or one is wrong (the message names the file and the field)
     */
    public static Report run(Request request, PrintWriter out) throws IOException, InterruptedException {
        List<Path> searched = request.paths().isEmpty() ? List.of(Path.of("")) : request.paths();
        SuiteFiles.Found found = SuiteFiles.find(searched);
        if (found.suites().isEmpty()) {
            throw new SpecException("no test files found under " + searched.stream()
                    .map(p -> p.toString().isEmpty() ? "." : p.toString()).toList()
                    + (found.untested().isEmpty() ? " (and no *.asl.json definitions)" : "; definitions without tests: "
                    + found.untested() + " (sfn test --init DEFINITION writes a first one)"));
        }
        TestRunner.Results results = new TestRunner(request.options()).run(found.suites());
        Summary.print(results, out, request.listMissed());
        if (!found.untested().isEmpty()) {
            out.println("definitions without tests (not run): " + found.untested());
        }
        if (request.junitFile() != null) {
            JUnitXml.write(results, request.junitFile());
            out.println("JUnit XML: " + request.junitFile());
        }
        Coverage.Report total = results.total();
        Report report = new Report(results.cases().size(), (int) results.failures(),
                results.cases().stream().filter(c -> !c.passed()).map(c -> c.suite().name() + "#" + c.spec().name()).toList(),
                total.percent(), total.taken(), total.total(), total.missed().stream().map(Coverage.Item::toString).toList(),
                request.minCoverage(), found.untested().stream().map(Path::toString).toList(), results.duration().toMillis());
        out.flush();
        return report;
    }
}
