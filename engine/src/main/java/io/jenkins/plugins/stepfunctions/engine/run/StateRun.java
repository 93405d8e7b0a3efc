package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.asl.Catcher;
import io.jenkins.plugins.stepfunctions.engine.asl.Retrier;
import io.jenkins.plugins.stepfunctions.engine.asl.State;
import io.jenkins.plugins.stepfunctions.engine.asl.ValueSource;
import io.jenkins.plugins.stepfunctions.engine.asl.StateIo;
import io.jenkins.plugins.stepfunctions.engine.dataflow.JsonPaths;
import io.jenkins.plugins.stepfunctions.engine.dataflow.JsonataExpressions;
import io.jenkins.plugins.stepfunctions.engine.dataflow.JsonataScope;
import io.jenkins.plugins.stepfunctions.engine.dataflow.PathScope;
import io.jenkins.plugins.stepfunctions.engine.dataflow.PayloadTemplates;
import io.jenkins.plugins.stepfunctions.engine.history.Details;
import io.jenkins.plugins.stepfunctions.engine.history.EventDetails;
import io.jenkins.plugins.stepfunctions.engine.history.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One visit of one state, the sequence every state type goes through: the entered event, the work of
 * the state's runner (at once or later; see {@link StateContext}) with its query language's
 * {@link DataFlow}, then the exited event or Retry, Catch and the failure. Runs on the execution's actor.
 */
final class StateRun implements StateContext {
    static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands in for the context object of states that never read it. */
    private static final ObjectNode NO_CONTEXT = NODES.objectNode();
    /** The retry counts of states without retriers (most states): nothing to count, so nothing to allocate. */
    private static final int[] NO_RETRIES = new int[0];

    final GraphRun graphRun;
    private final ExecutionRun execution;
    private final Lane lane;
    private final State state;
    private final StateIo io;
    private final DataFlow flow;
    private final JsonNode input;
    private long enteredId;
    private long enteredPrev;
    /** When the state was entered, in milliseconds (the precision of $$.State.EnteredTime). */
    private long enteredMillis;
    private final int[] retryCounts;
    /** Incremented per attempt so that late answers to an abandoned attempt are ignored. */
    private int attempt;
    private boolean starting;
    private Step syncStep;
    private ObjectNode context;
    /** The task token of the current attempt, when the definition asks for one. */
    private String taskToken;
    /** The running attempt of a Map or Parallel state: what an abort stops and a redrive keeps. */
    private Branching branching;
    /** A Wait's deadline while it waits: what a restarted server resumes it at. */
    Instant waitingUntil;
    /** A Task waiting for the answer to its token: what a restarted server waits for again (read by the checkpoint). */
    ResumePoint.WaitingTask waitingTask;
    /** A redrive: the earlier attempt of this Map or Parallel whose finished work the first attempt keeps. */
    private Branching prior;

    StateRun(GraphRun graphRun, State state, JsonNode input) {
        this.graphRun = graphRun;
        this.execution = graphRun.execution;
        this.lane = graphRun.lane;
        this.state = state;
        this.io = state.io();
        this.flow = DataFlow.of(io);
        this.input = input;
        this.retryCounts = state.retry().isEmpty() ? NO_RETRIES : new int[state.retry().size()];
    }

    /** Enters the state and runs it; the step when it finished at once, else null (it resumes later). */
    Step start() {
        enteredPrev = lane.last;
        enteredMillis = execution.services().clock().millis();
        enteredId = execution.emitDetails(lane, enteredMillis, EventType.stateEntered(state.type()), () -> new Details.StateEntered(state.name(), execution.text(input)));
        lane.entered(state.name(), input, this);
        prior = lane.takeResume();
        starting = true;
        try {
            attempt();
        } finally {
            starting = false;
        }
        Step s = syncStep;
        syncStep = null;
        return s;
    }

    private void attempt() {
        attempt++;
        context = null;
        waitingUntil = null;
        waitingTask = null;
        try {
            if (state instanceof State.Pass p) {
                flow.pass(this, p);
            } else if (state instanceof State.Choice c) {
                ChoiceRun.run(this, c);
            } else if (state instanceof State.Wait w) {
                WaitRun.start(this, w);
            } else if (state instanceof State.Succeed) {
                flow.exitWithInput(this, flow.effectiveInput(this), io.assign(), io.output(), null);
            } else if (state instanceof State.Fail f) {
                FailRun.run(this, f);
            } else if (state instanceof State.Task t) {
                new TaskInvocation(this, t).run();
            } else if (execution.probe() != null && execution.probe().mock != null) {
                mockedBranches(execution.probe().mock);
            } else if (state instanceof State.Parallel p) {
                ParallelRun parallel = new ParallelRun(this, p, takePrior(ParallelRun.class));
                branching = parallel;
                parallel.run();
            } else if (state instanceof State.Map m) {
                MapRun map = new MapRun(this, m, takePrior(MapRun.class));
                branching = map;
                map.run();
            }
        } catch (StatesException e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(new StatesException(StatesException.RUNTIME, "Internal error in state '" + state.name() + "': "
                    + e));
        }
    }

    /** The redriven attempt for the first attempt only: a Retry after a redrive runs every branch again. */
    private <T extends Branching> T takePrior(Class<T> type) {
        Branching p = prior;
        prior = null;
        return type.isInstance(p) ? type.cast(p) : null;
    }

    Branching branching() {
        return branching;
    }

    /**
     * Writes this in-flight state's abort events, each following {@code previousEventId}: a Map or
     * Parallel aborts its running lanes, then writes {@code <Type>StateAborted}; a Task or Wait writes
     * its own only when {@code states} (see {@link Branching#abort}). Its pending timers and answers are
     * dropped.
     */
    void abort(long previousEventId, boolean states) {
        attempt++;
        if (branching != null) {
            branching.abort(previousEventId, states);
            execution.emitAt(lane, previousEventId, EventType.stateAborted(state.type()), null);
        } else if (states && (state instanceof State.Task || state instanceof State.Wait)) {
            execution.emitAt(lane, previousEventId, EventType.stateAborted(state.type()), null);
        }
    }

    /**
     * AWS's recordings: a Task that fails a Parallel branch or a Map iteration (no catcher in the
     * branch) is followed by its TaskStateAborted, after the failure event, as its parent fails.
     */
    static void failedLane(ExecutionRun execution, Lane lane, long previousEventId) {
        StateRun last = lane.inFlight;
        if (last != null && last.state instanceof State.Task) {
            execution.emitAt(lane, previousEventId, EventType.TASK_STATE_ABORTED, null);
        }
    }

    // ---- state types --------------------------------------------------------------------------

    /**
     * TestState of a Map or Parallel state with a mock: the mock stands for what its iterations or
     * branches returned (an array) or for the error they raised; none of them runs.
     */
    private void mockedBranches(io.jenkins.plugins.stepfunctions.engine.mock.MockedResponse mock) {
        if (mock instanceof io.jenkins.plugins.stepfunctions.engine.mock.MockedResponse.Throw t) {
            failed(new StatesException(t.error(), t.cause()), lane.last, false);
        } else {
            finishWithResult(((io.jenkins.plugins.stepfunctions.engine.mock.MockedResponse.Return) mock).value());
        }
    }

    /**
     * Resumes this state, entered before a restart, where it waited: a Wait at its deadline, a Task
     * for the answer to the same token. False when it waited for nothing that can be resumed (the
     * caller runs the state again).
     */
    boolean resume(Instant wake, ResumePoint.WaitingTask task) {
        enteredPrev = lane.last;
        enteredId = lane.last;
        enteredMillis = execution.services().clock().millis();
        lane.entered(state.name(), input, this);
        attempt++;
        try {
            if (wake != null && state instanceof State.Wait w) {
                WaitRun.resume(this, w, wake);
                return true;
            }
            if (task != null && state instanceof State.Task t) {
                new TaskInvocation(this, t).resume(task);
                return true;
            }
        } catch (StatesException e) {
            fail(e);
            return true;
        }
        return false;
    }

    // ---- results, failures, exits --------------------------------------------------------------

    /** Task, Map and Parallel: the raw result goes through ResultSelector/ResultPath/OutputPath or Output. */
    @Override
    public void finishWithResult(JsonNode result) {
        StateProbe probe = execution.probe();
        if (probe != null) {
            probe.result = result;
        }
        try {
            flow.exitWithResult(this, result);
        } catch (StatesException e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(new StatesException(StatesException.RUNTIME, "Internal error in state '" + state.name() + "': " + e));
        }
    }

    @Override
    public void exit(JsonNode output, Map<String, JsonNode> assigned, String next) {
        String text = execution.text(output);
        if (tooLarge(text)) {
            complete(new Step.Failed(dataLimitExceeded(state), lane.last));
            return;
        }
        if (assigned != null) {
            lane.variables.putAll(assigned);
        }
        if (lane.inFlight == this) {
            lane.inFlight = null;
        }
        execution.emitDetails(lane, EventType.stateExited(state.type()),
                () -> new Details.StateExited(state.name(), text, assignedText(assigned)));
        if (execution.probe() != null) {
            execution.probe().next = next;
        }
        complete(next == null ? new Step.End(output) : new Step.Next(nextState(next), output));
    }

    /** The state named {@code next}: a transition's resolved at parse time, other names (Choice, Catch) looked up. */
    private State nextState(String next) {
        State resolved = graphRun.graph.next(state);
        return resolved != null && next.equals(resolved.name()) ? resolved : graphRun.graph.state(next);
    }

    /**
     * A Pass state that hands its input on unchanged (no paths, Parameters, Result, Assign or Output),
     * and so can neither read the context object nor fail except on the payload size.
     */
    static boolean isPlainPass(State s) {
        if (!(s instanceof State.Pass p) || p.result() != null) {
            return false;
        }
        StateIo io = p.io();
        if (io.parameters() != null || io.assign() != null) {
            return false;
        }
        return io.jsonata() ? io.output() == null
                : "$".equals(io.inputPath()) && "$".equals(io.resultPath()) && "$".equals(io.outputPath());
    }

    /**
     * Runs a plain Pass state (see {@link #isPlainPass}) with the same events as {@link #start} but
     * without the per-visit state a state that may wait or fail needs: long Pass chains allocate
     * only their two events.
     */
    static Step passThrough(GraphRun graphRun, State.Pass p, JsonNode input) {
        ExecutionRun execution = graphRun.execution;
        Lane lane = graphRun.lane;
        String text = execution.text(input);
        // one clock read: the state does no work between its two events, which the API dates to the millisecond
        long now = execution.services().clock().millis();
        execution.emitDetails(lane, now, EventType.PASS_STATE_ENTERED, new Details.StateEntered(p.name(), text));
        lane.entered(p.name(), input, null);
        if (tooLarge(text)) {
            return new Step.Failed(dataLimitExceeded(p), lane.last);
        }
        execution.emitDetails(lane, now, EventType.PASS_STATE_EXITED, new Details.StateExited(p.name(), text, null));
        String next = p.transition().next();
        if (next == null) {
            return new Step.End(input);
        }
        State resolved = graphRun.graph.next(p);
        return new Step.Next(resolved != null ? resolved : graphRun.graph.state(next), input);
    }

    private static boolean tooLarge(String text) {
        return text.length() > MAX_PAYLOAD_BYTES / 4 && text.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES;
    }

    private static StatesException dataLimitExceeded(State s) {
        return new StatesException("States.DataLimitExceeded", "The state/task '" + s.name()
                + "' returned a result with a size exceeding the maximum number of bytes service limit.");
    }

    private static Map<String, String> assignedText(Map<String, JsonNode> assigned) {
        if (assigned == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        assigned.forEach((k, v) -> out.put(k, EventDetails.text(v)));
        return out;
    }

    /** An error raised while evaluating this state (not a task's answer). */
    void fail(StatesException e) {
        StatesException error = withStatePrefix(e);
        long prev = lane.last;
        boolean stateFailed = false;
        if (StatesException.QUERY_EVALUATION_ERROR.equals(error.error())) {
            long after = state instanceof State.Wait ? enteredId : enteredPrev;
            prev = execution.emitAt(lane, after, EventType.EVALUATION_FAILED,
                    () -> EventDetails.evaluationFailed(error.error(), error.cause(), null, state.name()));
            stateFailed = state instanceof State.Map || state instanceof State.Parallel;
        }
        failed(error, prev, stateFailed);
    }

    private StatesException withStatePrefix(StatesException e) {
        String cause = e.cause();
        if (cause != null && cause.startsWith("An error occurred while executing the state")) {
            return e;
        }
        return new StatesException(e.error(), "An error occurred while executing the state '" + state.name()
                + "' (entered at the event id #" + enteredId + "). " + (cause == null ? "" : cause));
    }

    /**
     * Retry, then Catch, then give up. {@code failedEvent}: emit {@code <Type>StateFailed} before
     * catching or giving up (Map and Parallel do when their iterations or branches fail).
     */
    @Override
    public void failed(StatesException e, long previousEventId, boolean failedEvent) {
        String error = e.error() == null ? "" : e.error();
        StateProbe probe = execution.probe();
        for (int i = 0; i < state.retry().size(); i++) {
            Retrier r = state.retry().get(i);
            if (ErrorMatch.matches(r.errorEquals(), error)) {
                // TestState: the retries already made are the caller's (stateConfiguration.retrierRetryCount)
                int retries = probe != null ? probe.retrierRetryCount : retryCounts[i];
                if (retries < r.maxAttempts()) {
                    double delay = r.intervalSeconds() * Math.pow(r.backoffRate(), retries);
                    if (r.maxDelaySeconds() > 0) {
                        delay = Math.min(delay, r.maxDelaySeconds());
                    }
                    if (r.fullJitter()) {
                        delay = execution.random() * delay;
                    }
                    if (probe != null) {
                        // TestState reports the retry (RETRIABLE) instead of waiting and running the state again
                        probe.retriable(i, delay);
                        complete(new Step.Failed(e, previousEventId));
                        return;
                    }
                    retryCounts[i]++;
                    lane.last = previousEventId;
                    int current = attempt;
                    execution.schedule(delay, () -> guarded(current, this::attempt));
                    return;
                }
                break;
            }
        }
        long prev = previousEventId;
        if (failedEvent) {
            prev = execution.emitAt(lane, previousEventId, EventType.stateFailed(state.type()), null);
        }
        for (int i = 0; i < state.catchers().size(); i++) {
            Catcher c = state.catchers().get(i);
            if (ErrorMatch.matches(c.errorEquals(), error)) {
                if (probe != null) {
                    probe.caught(i, e);
                }
                lane.last = prev;
                caught(c, e);
                return;
            }
        }
        complete(new Step.Failed(e, prev));
    }

    private void caught(Catcher c, StatesException e) {
        ObjectNode errorOutput = NODES.objectNode();
        errorOutput.put("Error", e.error());
        if (e.cause() != null) {
            errorOutput.put("Cause", e.cause());
        }
        try {
            flow.exitCaught(this, c, errorOutput);
        } catch (StatesException again) {
            complete(new Step.Failed(withStatePrefix(again), lane.last));
        }
    }

    void complete(Step step) {
        if (starting) {
            syncStep = step;
        } else {
            execution.post(() -> graphRun.drive(step));
        }
    }

    /** Runs {@code r} unless a later attempt or a terminal status made it stale. */
    @Override
    public void guarded(int forAttempt, Runnable r) {
        if (forAttempt != attempt) {
            return;
        }
        try {
            r.run();
        } catch (StatesException e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(new StatesException(StatesException.RUNTIME, "Internal error in state '" + state.name() + "': " + e));
        }
    }

    // ---- data flow ------------------------------------------------------------------------------

    /** The value after InputPath, noted for TestState's inspection data (the value itself is returned). */
    @Override
    public JsonNode inspectedInputPath(JsonNode effective) {
        if (execution.probe() != null) {
            execution.probe().afterInputPath = effective;
        }
        return effective;
    }

    @Override
    public ExecutionRun execution() {
        return execution;
    }

    @Override
    public Lane lane() {
        return lane;
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public StateIo io() {
        return io;
    }

    @Override
    public JsonNode input() {
        return input;
    }

    @Override
    public int currentAttempt() {
        return attempt;
    }

    @Override
    public String taskToken() {
        return taskToken;
    }

    @Override
    public void taskToken(String token) {
        taskToken = token;
    }

    @Override
    public DataFlow flow() {
        return flow;
    }

    @Override
    public void waitingUntil(Instant wake) {
        waitingUntil = wake;
    }

    @Override
    public void waitingTask(ResumePoint.WaitingTask task) {
        waitingTask = task;
    }

    /** The event the state's entered event follows (0 for the first state of an execution). */
    @Override
    public long enteredPrev() {
        return enteredPrev;
    }

    @Override
    public ObjectNode context() {
        if (context == null) {
            context = execution.contextObject(state.name(), Instant.ofEpochMilli(enteredMillis), taskToken);
        }
        return context;
    }

    @Override
    public PathScope pathScope(JsonNode value) {
        return new PathScope(value, io.usesContext() ? context() : NO_CONTEXT, lane.variables);
    }

    @Override
    public JsonataScope jsonataScope(JsonNode result, JsonNode errorOutput) {
        return jsonataScope(io.usesContext() ? context() : NO_CONTEXT, result, errorOutput);
    }

    @Override
    public JsonataScope jsonataScope(JsonNode ctx, JsonNode result, JsonNode errorOutput) {
        ObjectNode states = NODES.objectNode();
        states.set("input", input);
        states.set("context", ctx);
        if (result != null) {
            states.set("result", result);
        }
        if (errorOutput != null) {
            states.set("errorOutput", errorOutput);
        }
        return new JsonataScope(states, lane.variables);
    }

    @Override
    public JsonNode jsonata(JsonNode template, JsonataScope scope, String field) {
        return JsonataExpressions.resolve(template, scope, field);
    }

    /** A {@link ValueSource}'s path: {@link #read}. */
    @Override
    public JsonNode readPath(String path, JsonNode effective, String field) {
        return read(path, effective, field);
    }

    /** A {@link ValueSource}'s JSONata: evaluated with {@code $states.input} and the context. */
    @Override
    public JsonNode evaluateJsonata(JsonNode template, String field) {
        return jsonata(template, jsonataScope(null, null), field);
    }

    @Override
    public JsonNode template(JsonNode template, JsonNode value) {
        return PayloadTemplates.resolve(template, pathScope(value));
    }

    /** InputPath / OutputPath: null gives {}, "$" the value itself. */
    @Override
    public JsonNode select(String path, JsonNode value, String field) {
        if (path == null) {
            return NODES.objectNode();
        }
        if (path.equals("$")) {
            return value;
        }
        return read(path, value, field);
    }

    /** The value at a JSONPath field (InputPath, SecondsPath ...); AWS's cause when nothing matches. */
    JsonNode read(String path, JsonNode value, String field) {
        PathScope scope = pathScope(value);
        JsonNode v = JsonPaths.read(path, scope);
        if (v == null) {
            throw JsonPaths.invalidPath(path, scope);
        }
        return v;
    }

    static String expressionText(JsonNode template) {
        String t = template == null ? "" : template.asText().trim();
        if (t.startsWith("{%") && t.endsWith("%}")) {
            t = t.substring(2, t.length() - 2).trim();
        }
        return t;
    }

    static String typeName(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "undefined";
        }
        return switch (v.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            default -> "null";
        };
    }
}
