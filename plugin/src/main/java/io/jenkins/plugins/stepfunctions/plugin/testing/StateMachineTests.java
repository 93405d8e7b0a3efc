package io.jenkins.plugins.stepfunctions.plugin.testing;

import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.stepfunctions.plugin.runtime.WorkspaceFiles;
import io.jenkins.plugins.stepfunctions.testing.TestRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The options {@code sfnTest} and the freestyle "Test state machines" step share, checked once, and what both
 * do with them: run the tests where the workspace is, print the summary, record the result on the build and
 * mark it unstable when a case failed or coverage is below the minimum (as Jenkins' {@code junit} does for
 * failed tests). A file the tests cannot use fails the step, naming the file and the field.
 */
public final class StateMachineTests implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    static final long DEFAULT_CASE_TIMEOUT_SECONDS = 120;

    private String paths = "";
    private String junitFile;
    private Double minCoverage;
    private double timeScale = TestRunner.DEFAULT_TIME_SCALE;
    private long caseTimeoutSeconds = DEFAULT_CASE_TIMEOUT_SECONDS;

    /**
     * A config.xml that leaves a field out reads back with its default: XStream, like Jenkins' XStream2, runs no
     * field initialiser (0 is never a valid time scale or time limit, so it stands for "not given").
     */
    @Serial
    private Object readResolve() {
        if (paths == null) {
            paths = "";
        }
        if (timeScale == 0) {
            timeScale = TestRunner.DEFAULT_TIME_SCALE;
        }
        if (caseTimeoutSeconds == 0) {
            caseTimeoutSeconds = DEFAULT_CASE_TIMEOUT_SECONDS;
        }
        return this;
    }

    public String getPaths() {
        return paths;
    }

    /** Folders, definitions or test files, relative to the workspace, separated by spaces, commas or lines. */
    public void setPaths(String paths) {
        this.paths = paths == null ? "" : paths.trim();
    }

    public String getJunitFile() {
        return junitFile;
    }

    public void setJunitFile(String junitFile) {
        this.junitFile = junitFile == null || junitFile.isBlank() ? null : junitFile.trim();
    }

    public Double getMinCoverage() {
        return minCoverage;
    }

    public void setMinCoverage(Double minCoverage) {
        this.minCoverage = minCoverage;
    }

    public double getTimeScale() {
        return timeScale;
    }

    public void setTimeScale(double timeScale) {
        this.timeScale = timeScale;
    }

    public long getCaseTimeoutSeconds() {
        return caseTimeoutSeconds;
    }

    public void setCaseTimeoutSeconds(long caseTimeoutSeconds) {
        this.caseTimeoutSeconds = caseTimeoutSeconds;
    }

    List<String> pathList() {
        return Arrays.stream(paths.split("[\\s,]+")).filter(p -> !p.isEmpty()).toList();
    }

    /** @throws AbortException naming the option, its value and what it should be */
    void check() throws AbortException {
        if (minCoverage != null && !(minCoverage >= 0 && minCoverage <= 100)) {
            throw new AbortException("minCoverage: " + minCoverage + " is not a percentage; give a number from 0 to 100, e.g. minCoverage: 80");
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new AbortException("timeScale: " + timeScale + " must be a positive number (0.001, the default, makes a 30 s Wait take 30 ms)");
        }
        if (caseTimeoutSeconds < 1) {
            throw new AbortException("caseTimeoutSeconds: " + caseTimeoutSeconds + " must be at least 1 (default 120)");
        }
    }

    /**
     * Runs the tests in the workspace's machine and records them on {@code run}.
     *
     * @return what the tests found
     */
    public StateMachineTestResult run(WorkspaceFiles workspace, Run<?, ?> run, PrintStream log)
            throws IOException, InterruptedException {
        check();
        if (workspace == null) {
            throw new AbortException("sfnTest reads the state machines and their tests from a workspace; call it inside node { }");
        }
        List<String> searched = pathList();
        log.println("sfnTest: testing " + (searched.isEmpty() ? "the workspace" : String.join(", ", searched))
                + " on the embedded engine (time scale " + timeScale + ")");
        StateMachineTestRun.Ran ran = workspace.runThere(new StateMachineTestRun(new ArrayList<>(searched.isEmpty() ? List.of(".") : searched),
                junitFile, minCoverage, timeScale, caseTimeoutSeconds));
        log.print(ran.output());
        StateMachineTestResult result = ran.result();
        run.addAction(new StateMachineTestsAction(result));
        if (result.isCoverageBelowMinimum()) {
            log.println("sfnTest: coverage " + result.getCoverageText() + " is below minCoverage " + result.getMinCoverageText());
        }
        if (!result.isPassed()) {
            log.println("sfnTest: " + (result.getFailures() > 0 ? result.getFailures() + " test case(s) failed" : "coverage too low")
                    + "; the build is marked UNSTABLE");
            run.setResult(Result.UNSTABLE);
        }
        return result;
    }
}
