package io.jenkins.plugins.stepfunctions.plugin.testing;

import io.jenkins.plugins.stepfunctions.testing.TestSession;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one {@code sfnTest} found, as the build keeps it: counts, coverage, what failed and what was never
 * taken. A class of the plugin's own jar with plain fields and array lists, because it travels back from the
 * agent over remoting and is written to build.xml by XStream (Jenkins' class filter admits only plugin and
 * core classes; XStream cannot read records).
 */
public final class StateMachineTestResult implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String paths;
    private final int cases;
    private final int failures;
    private final ArrayList<String> failedCases;
    private final double coveragePercent;
    private final int taken;
    private final int total;
    private final ArrayList<String> missed;
    private final Double minCoverage;
    private final String junitFile;

    public StateMachineTestResult(String paths, TestSession.Report report, String junitFile) {
        this.paths = paths;
        this.cases = report.cases();
        this.failures = report.failures();
        this.failedCases = new ArrayList<>(report.failedCases());
        this.coveragePercent = report.coveragePercent();
        this.taken = report.taken();
        this.total = report.total();
        this.missed = new ArrayList<>(report.missed());
        this.minCoverage = report.minCoverage();
        this.junitFile = junitFile;
    }

    public String getPaths() {
        return paths;
    }

    /** {@code State machine tests (statemachines/)}: which sfnTest this was, when a build runs several. */
    public String getHeading() {
        return paths == null || paths.isBlank() || paths.equals(".") ? "State machine tests" : "State machine tests (" + paths + ")";
    }

    public int getCases() {
        return cases;
    }

    public int getPassed() {
        return cases - failures;
    }

    public int getFailures() {
        return failures;
    }

    public List<String> getFailedCases() {
        return List.copyOf(failedCases);
    }

    public double getCoveragePercent() {
        return coveragePercent;
    }

    /** {@code 87.5% (14 of 16)} */
    public String getCoverageText() {
        return String.format(Locale.ROOT, "%.1f%% (%d of %d)", coveragePercent, taken, total);
    }

    public List<String> getMissed() {
        return List.copyOf(missed);
    }

    /** {@code 80%}, or empty when the step set no minimum. */
    public String getMinCoverageText() {
        return minCoverage == null ? "" : String.format(Locale.ROOT, "%s%%",
                new java.math.BigDecimal(minCoverage.toString()).stripTrailingZeros().toPlainString());
    }

    public boolean isCoverageBelowMinimum() {
        return minCoverage != null && coveragePercent < minCoverage;
    }

    public boolean isPassed() {
        return failures == 0 && !isCoverageBelowMinimum();
    }

    public String getJunitFile() {
        return junitFile;
    }

    /** The step's return value in a Pipeline: plain maps and lists, which the sandbox lets a script read. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("passed", isPassed());
        map.put("cases", cases);
        map.put("failures", failures);
        map.put("failedCases", new ArrayList<>(failedCases));
        map.put("coverage", coveragePercent);
        map.put("missed", new ArrayList<>(missed));
        map.put("junitFile", junitFile);
        return map;
    }
}
