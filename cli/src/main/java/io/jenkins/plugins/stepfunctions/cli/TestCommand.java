package io.jenkins.plugins.stepfunctions.cli;

import io.jenkins.plugins.stepfunctions.testing.Init;
import io.jenkins.plugins.stepfunctions.testing.SpecException;
import io.jenkins.plugins.stepfunctions.testing.TestRunner;
import io.jenkins.plugins.stepfunctions.testing.TestSession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sfn test}: runs the test cases of state machines on the embedded engine and reports what passed,
 * what failed and what the tests never exercised. docs/testing.md describes the files it reads.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run state machines' test cases on the embedded engine: a line per case, coverage, JUnit XML.",
        footer = {"", "Examples:",
                "  sfn test examples/",
                "  sfn test --junit target/sfn-test.xml --min-coverage 80 statemachines/",
                "  sfn test --init deploy.asl.json        # writes deploy.mock-config.json and deploy.tests.json",
                "", "Exit codes: 0 every case passed (and coverage reached --min-coverage), 1 a case failed or coverage"
                + " is below it, 2 a file or option is wrong (the message names the file and the field)."})
public final class TestCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Folders to search (default: the current one), definitions (*.asl.json) or test files.")
    private List<Path> paths = new ArrayList<>();

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML to FILE.")
    private Path junit;

    @Option(names = "--min-coverage", paramLabel = "PERCENT",
            description = "Fail (exit 1) when the coverage of all state machines together is below PERCENT.")
    private Double minCoverage;

    @Option(names = "--time-scale", paramLabel = "F", defaultValue = "0.001",
            description = "Multiply Waits, retry delays and timeouts by F (default: ${DEFAULT-VALUE}; a test file's timeScale wins).")
    private double timeScale;

    @Option(names = "--parallel", paramLabel = "N", description = "Test cases run at once (default: 4 per CPU, at least 8).")
    private Integer parallel;

    @Option(names = "--case-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Stop and fail a test case still running after this wall time (default: ${DEFAULT-VALUE}).")
    private long caseTimeout;

    @Option(names = "--no-missed", negatable = false, description = "Do not list the states and branches never taken.")
    private boolean noMissed;

    @Option(names = "--init", paramLabel = "DEFINITION",
            description = "Write a starting mock config and test file for DEFINITION, recorded from a run, and exit.")
    private Path init;

    @Option(names = "--force", negatable = false, description = "With --init: replace existing files.")
    private boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--time-scale " + timeScale
                    + " must be a positive number, e.g. 0.001");
        }
        if (minCoverage != null && (minCoverage < 0 || minCoverage > 100)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--min-coverage " + minCoverage + " must be a percentage from 0 to 100");
        }
        TestRunner.Options defaults = TestRunner.Options.defaults();
        TestRunner.Options options = new TestRunner.Options(timeScale, parallel == null ? defaults.parallelism() : Math.max(1, parallel),
                Duration.ofSeconds(Math.max(1, caseTimeout)));
        try {
            if (init != null) {
                if (!paths.isEmpty()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--init takes one definition and no PATH");
                }
                Init.Written written = Init.write(init, force, options);
                out.println("wrote " + written.mockConfig() + " (one mocked success per Task state)");
                out.println("wrote " + written.testFile() + " (test case " + Init.CASE + ": "
                        + written.recorded().observed().status() + ", " + written.recorded().observed().entered().size()
                        + " states entered)");
                if (!"SUCCEEDED".equals(written.recorded().observed().status())) {
                    out.println("note: with plain successes the execution ends " + written.recorded().observed().status()
                            + " (" + written.recorded().observed().error() + "); edit the mocked responses so it takes the path you mean");
                }
                out.println("run it: sfn test " + init);
                out.flush();
                return ExitCodes.OK;
            }
            TestSession.Report report = TestSession.run(new TestSession.Request(paths, junit, minCoverage, options, !noMissed), out);
            if (report.coverageBelowMinimum()) {
                out.println("coverage " + report.coverageText() + " is below --min-coverage " + report.minCoverageText());
            }
            int code = report.passed() ? ExitCodes.OK : ExitCodes.FAILED;
            out.flush();
            return code;
        } catch (SpecException e) {
            err.println("sfn test: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.ABORTED;
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (Exception e) {
            return CliErrors.report("test", e, err);
        }
    }
}
