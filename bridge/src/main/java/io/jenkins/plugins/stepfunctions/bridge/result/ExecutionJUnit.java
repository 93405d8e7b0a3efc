package io.jenkins.plugins.stepfunctions.bridge.result;

import io.jenkins.plugins.stepfunctions.bridge.render.StateStats;
import java.util.List;

/**
 * A real execution as JUnit XML ({@code junitFile:} of sfnExecute/sfnAwait), so that a CI's test trend shows how
 * each deployment step behaves build after build: one {@code testsuite} named after the state machine, one
 * {@code testcase} per state (its name stays the same from build to build, however often a loop entered it),
 * {@code time} the state's total time. A state whose task failed (whether then caught or not) or that was
 * still open when the execution failed is a {@code failure} with the error and cause; a state retried into
 * success passes, its attempts in {@code system-out}.
 */
public final class ExecutionJUnit {
    private ExecutionJUnit() {
    }

    /**
     * @param stateMachine the state machine's name (the suite and every case's classname)
     * @param outcome      how the execution ended
     * @param states       per-state statistics in order of first entry (the renderer's)
     */
    public static String render(String stateMachine, Outcome outcome, List<StateStats> states) {
        List<JUnitReport.Property> properties = List.of(
                new JUnitReport.Property("executionArn", outcome.executionArn()),
                new JUnitReport.Property("status", outcome.status()));
        List<JUnitReport.Case> cases = states.stream().map(state -> new JUnitReport.Case(stateMachine, state.name(),
                state.time(), failed(state) ? failure(state, outcome) : null, summary(state))).toList();
        return JUnitReport.render(new JUnitReport.Suite(stateMachine, properties, cases));
    }

    /** The state machine's name from an execution ARN ({@code arn:aws:states:R:A:execution:NAME:ID}). */
    public static String stateMachineName(String executionArn) {
        String[] parts = executionArn == null ? new String[0] : executionArn.split(":");
        return parts.length >= 8 ? parts[6] : "execution";
    }

    private static boolean failed(StateStats state) {
        return switch (state.status()) {
            case "FAILED", "CAUGHT", "TIMED_OUT", "ABORTED" -> true;
            default -> false;
        };
    }

    /** A state's own error when its task failed, else the execution's: a Fail state has none of its own. */
    private static JUnitReport.Failure failure(StateStats state, Outcome outcome) {
        String error = state.error() != null ? state.error() : outcome.error();
        String cause = state.error() != null ? state.cause() : outcome.cause();
        return new JUnitReport.Failure(state.name() + " failed" + (error == null ? "" : ": " + error)
                + ("CAUGHT".equals(state.status()) ? " (caught)" : ""), error == null ? "States.Failed" : error, cause);
    }

    private static String summary(StateStats state) {
        return state.type() + " " + state.status() + ", entered " + state.entries()
                + (state.entries() == 1 ? " time" : " times")
                + (state.attempts() > state.entries() ? ", " + state.attempts() + " attempts" : "");
    }
}
