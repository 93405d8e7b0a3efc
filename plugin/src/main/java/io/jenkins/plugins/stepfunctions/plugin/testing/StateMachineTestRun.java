package io.jenkins.plugins.stepfunctions.plugin.testing;

import hudson.AbortException;
import io.jenkins.plugins.stepfunctions.plugin.runtime.WorkspaceFiles.WorkspaceTask;
import io.jenkins.plugins.stepfunctions.testing.SpecException;
import io.jenkins.plugins.stepfunctions.testing.TestRunner;
import io.jenkins.plugins.stepfunctions.testing.TestSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serial;
import java.io.Serializable;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sfn test} run on the machine that holds the workspace: the embedded engine starts in the agent's JVM,
 * never in the controller's (unless the build runs on the built-in node). Sent over remoting, so it carries
 * only strings and numbers; whatever goes wrong comes back as an {@link AbortException} with the message
 * alone (the runner's own exception types are not classes Jenkins lets remoting read).
 */
record StateMachineTestRun(ArrayList<String> paths, String junitFile, Double minCoverage, double timeScale,
        long caseTimeoutSeconds) implements WorkspaceTask<StateMachineTestRun.Ran> {
    @Serial
    private static final long serialVersionUID = 1L;

    /** What the run printed (as {@code sfn test} prints it) and what it found. */
    record Ran(String output, StateMachineTestResult result) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    @Override
    public Ran run(Path workspace) throws IOException, InterruptedException {
        List<Path> searched = paths.stream().map(workspace::resolve).toList();
        Path junit = junitFile == null ? null : workspace.resolve(junitFile);
        TestRunner.Options defaults = TestRunner.Options.defaults();
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            if (junit != null && junit.getParent() != null) {
                java.nio.file.Files.createDirectories(junit.getParent());
            }
            TestSession.Report report = TestSession.run(new TestSession.Request(searched, junit, minCoverage,
                    new TestRunner.Options(timeScale, defaults.parallelism(), Duration.ofSeconds(caseTimeoutSeconds)), true), out);
            out.flush();
            return new Ran(relativeToWorkspace(text.toString(), workspace), new StateMachineTestResult(String.join(" ", paths), report, junitFile));
        } catch (SpecException e) {
            throw new AbortException("sfnTest: " + relativeToWorkspace(e.getMessage(), workspace));
        } catch (IOException | InterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AbortException("sfnTest: the test runner failed: " + e);
        }
    }

    /** Paths in the output as the user wrote them (relative to the workspace), not the agent's absolute ones. */
    private static String relativeToWorkspace(String text, Path workspace) {
        return text.replace(workspace + java.io.File.separator, "");
    }
}
