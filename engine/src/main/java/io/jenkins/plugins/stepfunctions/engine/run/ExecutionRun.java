package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.ApiException;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.history.Details;
import io.jenkins.plugins.stepfunctions.engine.history.EventDetails;
import io.jenkins.plugins.stepfunctions.engine.history.EventType;
import io.jenkins.plugins.stepfunctions.engine.history.ExecutionHistory;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One execution. All interpretation happens on its actor: tasks queued with {@link #post} run one
 * at a time on the engine's worker pool, so the interpreter needs no locks and never blocks a
 * thread while the execution waits. Once terminal, only the compact result and the history stay.
 *
 * <p>Three locks, always taken in this order and never the other way: {@link #actor} is held while a
 * task runs (and by a redrive, which must not overlap a task); {@link #ending} decides, once, how the
 * execution ends; {@link #queue} guards the queue for the moment of adding or taking a task. No
 * thread outside the actor ever waits for {@link #actor}: queuing work (task tokens, timers) takes only
 * the queue's lock and StopExecution only {@link #ending}, so a task that runs long (or never ends)
 * cannot hold up the API, the timer thread or other executions.
 */
final class ExecutionRun implements Execution {
    private static final Logger LOG = Logger.getLogger(ExecutionRun.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * AWS's cause when an execution's history reaches its quota, measured on AWS (floci-io/floci#2734:
     * ExecutionFailed is event 25,000, error States.Runtime; also loads/ardere#86).
     */
    static final String HISTORY_LIMIT_CAUSE = "The execution reached the maximum number of history events ("
            + ExecutionHistory.MAX_EVENTS + ").";
    /** Built in advance: when the heap is exhausted, building the cause could fail too. */
    private static final String CRASH_CAUSE = "Internal error of the engine: the execution ran out of memory or "
            + "stack";

    private final EngineServices services;
    private final StartRequest request;
    private final ExecutionHistory history = new ExecutionHistory();
    private final Instant startDate;
    private volatile ExecutionStatus status = ExecutionStatus.RUNNING;
    private volatile Instant stopDate;
    private volatile String output;
    private volatile String error;
    private volatile String cause;
    private volatile int redriveCount;
    private volatile Instant redriveDate;
    private volatile CompletableFuture<Execution> completion = new CompletableFuture<>();

    private final ReentrantLock actor = new ReentrantLock();
    /** Decides, once, how the execution ends; a plain monitor (this object's own is free). */
    private final Object ending = this;

    // interpreter state, dropped when terminal
    /** Its own monitor guards it (and {@link #draining}): the queue lock. */
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean draining;
    /** Read without a lock by timer and token callbacks ({@link #guard}), so volatile. */
    private volatile int epoch;
    private ObjectNode contextBase;
    private Lane topLane;
    private Map<String, Integer> mockInvocations;
    private JsonNode lastSerialised;
    private String lastText;
    /** TestState's probe, null in a real execution (see {@link #runOneState}). */
    private final StateProbe probe;
    /** The timers a TestState run set (task timeouts, heartbeats), cancelled when it ends. */
    private final java.util.List<java.util.concurrent.Future<?>> probeTimers;
    /** How a TestState run ends; also told when the interpreter crashes. */
    private java.util.function.Consumer<Step> probeDone;

    /** Where the execution is written down as it goes; {@link ExecutionJournal#NONE} in memory. */
    private final ExecutionJournal journal;

    ExecutionRun(EngineServices services, StartRequest request) {
        this(services, request, null);
    }

    ExecutionRun(EngineServices services, StartRequest request, StateProbe probe) {
        this(services, request, probe, services.clock().instant(), ExecutionJournal.NONE);
    }

    ExecutionRun(EngineServices services, StartRequest request, StateProbe probe, Instant startDate,
                 ExecutionJournal journal) {
        this.services = services;
        this.request = request;
        this.startDate = startDate;
        this.probe = probe;
        this.probeTimers = probe == null ? null : new java.util.ArrayList<>();
        this.journal = journal;
    }

    /**
     * An execution a data directory kept: its history and result as they were; a RUNNING one resumes
     * where its top level stood (see {@link StateRun#resume}), with what remains of its timeout.
     */
    static ExecutionRun restore(EngineServices services, StartRequest request, SavedExecution saved,
                                ExecutionJournal journal) {
        ExecutionRun run = new ExecutionRun(services, request, null, saved.startDate(), journal);
        for (io.jenkins.plugins.stepfunctions.engine.history.HistoryEvent e : saved.events()) {
            run.history.append(e.previousEventId(), e.timestamp().toEpochMilli(), e.eventType(),
                    e.source());
        }
        run.redriveCount = saved.redriveCount();
        run.redriveDate = saved.redriveDate();
        ResumePoint at = saved.resume();
        HashMap<String, JsonNode> variables = new HashMap<>();
        if (at != null && at.variables() != null) {
            parse(at.variables()).fields().forEachRemaining(f -> variables.put(f.getKey(), f.getValue()));
        }
        run.topLane = new Lane(run.history.size(), false, variables);
        if (at != null && at.state() != null) {
            run.topLane.entered(at.state(), parse(at.input()), null);
        }
        if (saved.status().isTerminal()) {
            run.output = saved.output();
            run.error = saved.error();
            run.cause = saved.cause();
            run.stopDate = saved.stopDate();
            run.status = saved.status();
            run.completion.complete(run);
        } else {
            run.resume(at);
        }
        return run;
    }

    private void resume(ResumePoint at) {
        actor.lock();
        try {
            Long timeout = request.definition().timeoutSeconds();
            if (timeout != null) {
                long left = startDate.plusSeconds(timeout).toEpochMilli() - services.clock().millis();
                scheduleTimeout(Math.max(0, left / 1000.0));
            }
            io.jenkins.plugins.stepfunctions.engine.asl.Graph graph = request.definition().graph();
            post(() -> {
                GraphRun top = new GraphRun(this, graph, topLane, true, this::topDone);
                if (at == null || at.state() == null) {
                    top.start(parse(request.input()));
                    return;
                }
                io.jenkins.plugins.stepfunctions.engine.asl.State state = graph.state(at.state());
                JsonNode in = parse(at.input());
                if (!new StateRun(top, state, in).resume(at.wakeAt(), at.task())) {
                    // in the middle of something that cannot be picked up (a Map, an HTTP call): run it again
                    top.drive(new Step.Next(state, in));
                }
            });
        } finally {
            actor.unlock();
        }
    }

    /** Where the top level stands, for the journal; null before the first state. */
    private ResumePoint resumePoint() {
        Lane lane = topLane;
        RedrivePoint at = lane == null ? null : lane.redrivePoint();
        if (at == null) {
            return null;
        }
        StateRun inFlight = lane.inFlight;
        ObjectNode variables = NODES.objectNode();
        at.variables().forEach(variables::set);
        return new ResumePoint(at.state(), EventDetails.text(at.input()), variables.toString(),
                inFlight == null ? null : inFlight.waitingUntil, inFlight == null ? null : inFlight.waitingTask);
    }

    private void checkpoint() {
        if (journal != ExecutionJournal.NONE && probe == null) {
            try {
                journal.checkpoint(this, resumePoint());
            } catch (RuntimeException e) {
                // a full disk or a server shutting down (interrupted) must not break the execution
                LOG.log(Level.WARNING, "Could not write down " + request.executionArn() + ": " + e.getMessage());
            }
        }
    }

    // ---- Execution -----------------------------------------------------------------------------

    @Override
    public StartRequest request() {
        return request;
    }

    @Override
    public ExecutionStatus status() {
        return status;
    }

    @Override
    public Instant startDate() {
        return startDate;
    }

    @Override
    public Instant stopDate() {
        return stopDate;
    }

    @Override
    public String output() {
        return output;
    }

    @Override
    public String error() {
        return error;
    }

    @Override
    public String cause() {
        return cause;
    }

    @Override
    public int redriveCount() {
        return redriveCount;
    }

    @Override
    public Instant redriveDate() {
        return redriveDate;
    }

    @Override
    public ExecutionHistory history() {
        return history;
    }

    @Override
    public CompletableFuture<Execution> completion() {
        return completion;
    }

    /**
     * Aborts the execution at once, whatever its actor is doing: the actor may be in the middle of a
     * state that takes long, and StopExecution must answer promptly all the same (AWS answers at once).
     * The terminal event is sealed onto the history without waiting for the actor; the actor stops at
     * its next state and drops what it holds (here if it is idle, else when its task returns).
     */
    @Override
    public void stop(String stopError, String stopCause) {
        ObjectNode details = EventDetails.errorCause(stopError, stopCause);
        if (tryActor()) {
            // the actor is idle (a waiting execution, the usual case): the Maps and Parallels in flight
            // write their abort events before ExecutionAborted, as on AWS
            try {
                synchronized (ending) {
                    if (status.isTerminal()) {
                        return;
                    }
                    abortInFlight();
                    if (status.isTerminal()) {
                        return; // the abort events filled the history: the execution failed of it
                    }
                    history.appendTerminal(history.size(), services.clock().millis(), EventType.EXECUTION_ABORTED, new Details.Json(details));
                    settle(ExecutionStatus.ABORTED, null, stopError, stopCause);
                }
                announceEnd();
                releaseInterpreterState();
            } finally {
                actor.unlock();
            }
            return;
        }
        synchronized (ending) {
            if (status.isTerminal()) {
                return;
            }
            history.seal(services.clock().millis(), EventType.EXECUTION_ABORTED,
                    new Details.Json(details));
            settle(ExecutionStatus.ABORTED, null, stopError, stopCause);
        }
        announceEnd();
        if (actor.tryLock()) {
            try {
                releaseInterpreterState();
            } finally {
                actor.unlock();
            }
        }
    }

    /** The actor's lock if it is free or soon free: a stop waits a moment for a busy actor, never long. */
    private boolean tryActor() {
        try {
            return actor.tryLock(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The abort events of the Map and Parallel states in flight (nested ones included) when the
     * execution is stopped or times out; AWS writes none for a Task or Wait then. Skipped when the
     * history is nearly full: the terminal event must have its place.
     */
    private void abortInFlight() {
        if (topLane == null || topLane.inFlight == null || topLane.silent
                || history.size() > ExecutionHistory.MAX_EVENTS - 1000) {
            return;
        }
        topLane.inFlight.abort(history.size(), false);
    }

    /** The actor stops at its next state once the execution has ended (a stop, the history limit). */
    boolean ended() {
        return status.isTerminal();
    }

    @Override
    public void redrive() {
        actor.lock();
        try {
            String refusal = RedriveEligibility.refusal(this, now());
            RedrivePoint from = topLane == null ? null : topLane.redrivePoint();
            if (refusal == null && from == null) {
                refusal = "Execution ended before its first state: start a new execution instead";
            }
            if (refusal != null) {
                throw new ApiException("ExecutionNotRedrivable", "Execution " + request.executionArn()
                        + " cannot be redriven: " + refusal + ".");
            }
            synchronized (ending) {
                // the actor is idle (we hold its lock): the stop's event can join the columns
                history.unseal();
                redriveCount++;
                redriveDate = now();
                status = ExecutionStatus.RUNNING;
                stopDate = null;
                output = null;
                error = null;
                cause = null;
                completion = new CompletableFuture<>();
            }
            epoch++;
            synchronized (queue) {
                queue.clear();
            }
            contextBase = null;
            long id = emitTop(history.size(), EventType.EXECUTION_REDRIVEN,
                    EventDetails.redriven(redriveCount));
            // the top lane resumes with its variables; a Map or Parallel keeps what had succeeded
            topLane.last = id;
            topLane.resumeFrom(from);
            services.notifier().statusChanged(this);
            scheduleTimeout();
            io.jenkins.plugins.stepfunctions.engine.asl.Graph graph = request.definition().graph();
            post(() -> new GraphRun(this, graph, topLane, true, this::topDone)
                    .drive(new Step.Next(graph.state(from.state()), from.input())));
        } finally {
            actor.unlock();
        }
    }

    // ---- lifecycle -----------------------------------------------------------------------------

    /**
     * TestState: runs {@code state} alone, on a silent lane (no history), and hands {@code done} the
     * step it ends with and the variables after it. A single-state graph run delivers that step
     * instead of following it, so the state's Next (or a catcher's) need not exist.
     */
    void runOneState(io.jenkins.plugins.stepfunctions.engine.asl.State state, JsonNode input,
                     Map<String, JsonNode> variables,
                     java.util.function.BiConsumer<Step, Map<String, JsonNode>> done) {
        topLane = new Lane(0, true, new HashMap<>(variables));
        Lane lane = topLane;
        probeDone = step -> done.accept(step, lane.variables);
        GraphRun graph = new GraphRun(this, new io.jenkins.plugins.stepfunctions.engine.asl.Graph(state.name(),
                Map.of(state.name(), state)), lane, false, probeDone, true);
        post(() -> {
            Step step = new StateRun(graph, state, input).start();
            if (step != null) {
                graph.drive(step);
            }
        });
    }

    /** Ends a TestState run: its timers, task tokens and queued work are dropped. */
    void endProbe() {
        synchronized (probeTimers) {
            probeTimers.forEach(f -> f.cancel(false));
            probeTimers.clear();
        }
        synchronized (ending) {
            if (!status.isTerminal()) {
                // not settle(): nobody lists or describes a TestState run, and nobody is told of its end
                status = ExecutionStatus.SUCCEEDED;
            }
        }
        services.tokens().closeAll(this);
        if (actor.tryLock()) {
            try {
                releaseInterpreterState();
            } finally {
                actor.unlock();
            }
        }
    }

    StateProbe probe() {
        return probe;
    }

    void begin(JsonNode input) {
        actor.lock();
        try {
            append(0, EventType.EXECUTION_STARTED,
                    new Details.ExecutionStarted(request.input(), request.roleArn()));
            topLane = new Lane(0, false, new HashMap<>());
            services.notifier().statusChanged(this);
            scheduleTimeout();
            post(() -> new GraphRun(this, request.definition().graph(), topLane, true, this::topDone).start(input));
        } finally {
            actor.unlock();
        }
    }

    private void scheduleTimeout() {
        Long timeout = request.definition().timeoutSeconds();
        if (timeout != null) {
            scheduleTimeout(timeout);
        }
    }

    private void scheduleTimeout(double timeout) {
        {
            schedule(timeout, () -> {
                if (!status.isTerminal()) {
                    abortInFlight();
                    terminate(ExecutionStatus.TIMED_OUT, null, StatesException.TIMEOUT, null, EventType.EXECUTION_TIMED_OUT,
                            new Details.Json(EventDetails.errorCause(StatesException.TIMEOUT, null)),
                            history.size());
                }
            });
        }
    }

    private void topDone(Step step) {
        if (status.isTerminal()) {
            return;
        }
        if (step instanceof Step.End end) {
            String text = text(end.output());
            terminate(ExecutionStatus.SUCCEEDED, text, null, null, EventType.EXECUTION_SUCCEEDED, new Details.Output(text), topLane.last);
        } else if (step instanceof Step.Failed failed) {
            StatesException e = failed.error();
            terminate(ExecutionStatus.FAILED, null, e.error(), e.cause(), EventType.EXECUTION_FAILED, new Details.Json(EventDetails.errorCause(e.error(), e.cause())),
                    failed.previousEventId());
        }
    }

    /** Ends the execution from its actor, unless it has ended already (a stop that came first). */
    private void terminate(ExecutionStatus terminal, String out, String err, String why, EventType type,
                           Details details, long previousEventId) {
        synchronized (ending) {
            if (status.isTerminal()) {
                return;
            }
            history.appendTerminal(previousEventId, services.clock().millis(), type, details);
            settle(terminal, out, err, why);
        }
        releaseInterpreterState();
        announceEnd();
    }

    /** The result fields, status last so that a reader who sees the status sees them; under {@link #ending}. */
    private void settle(ExecutionStatus terminal, String out, String err, String why) {
        output = out;
        error = err;
        cause = why;
        stopDate = now();
        status = terminal;
    }

    private void announceEnd() {
        services.tokens().closeAll(this);
        checkpoint();
        if (status == ExecutionStatus.SUCCEEDED) {
            // where the top level stood (its last state's input, its variables) serves only a redrive,
            // and a succeeded execution cannot be redriven: most finished executions hold nothing of it
            topLane = null;
        }
        services.notifier().statusChanged(this);
        completion.complete(this);
    }

    /** Drops what only a running execution needs; on the actor (or with its lock held) only. */
    private void releaseInterpreterState() {
        epoch++;
        synchronized (queue) {
            queue.clear();
        }
        contextBase = null;
        lastSerialised = null;
        lastText = null;
        // a token opened by a task that was running when a stop came is closed here
        services.tokens().closeAll(this);
    }

    /**
     * The history has no room for another event: AWS fails the execution with States.Runtime, the
     * ExecutionFailed event being event 25,000 (its previous event the last one the machine wrote).
     * Not a StatesException, which Catch and Retry would see: this failure is the execution's.
     */
    private void historyFull() {
        terminate(ExecutionStatus.FAILED, null, StatesException.RUNTIME, HISTORY_LIMIT_CAUSE, EventType.EXECUTION_FAILED,
                new Details.Json(EventDetails.errorCause(StatesException.RUNTIME, HISTORY_LIMIT_CAUSE)),
                history.size());
    }

    /**
     * An unexpected Java error, OutOfMemoryError and StackOverflowError included: the execution fails
     * with States.Runtime, other executions go on. By the time we are here the stack has unwound and
     * what the failed task allocated is garbage, so failing normally usually works; if even that throws
     * (the heap is still full), the execution is ended with preallocated values rather than left
     * RUNNING for good.
     */
    private void crashed(Throwable t) {
        if (probe != null) {
            probeDone.accept(new Step.Failed(new StatesException(StatesException.RUNTIME,
                    "Internal error of the engine: " + t), 0));
            return;
        }
        String why = CRASH_CAUSE;
        try {
            why = "Internal error of the engine: " + t;
            LOG.log(Level.WARNING, "Interpreter error in " + request.executionArn(), t);
        } catch (Throwable again) {
            // keep the preallocated cause
        }
        try {
            terminate(ExecutionStatus.FAILED, null, StatesException.RUNTIME, why, EventType.EXECUTION_FAILED,
                    new Details.Json(EventDetails.errorCause(StatesException.RUNTIME, why)), history.size());
        } catch (Throwable again) {
            synchronized (ending) {
                if (!status.isTerminal()) {
                    settle(ExecutionStatus.FAILED, null, StatesException.RUNTIME, CRASH_CAUSE);
                }
            }
            try {
                releaseInterpreterState();
                announceEnd();
            } catch (Throwable ignored) {
                completion.complete(this);
            }
        }
    }

    // ---- actor ---------------------------------------------------------------------------------

    /** Queues work on this execution's actor (from the actor itself or any other thread). */
    void post(Runnable task) {
        synchronized (queue) {
            if (status.isTerminal()) {
                return;
            }
            queue.add(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        services.workers().execute(this::drain);
    }

    /** A callback for the outside world (timers, HTTP, task tokens): dropped when the run moved on. */
    Runnable guard(Runnable task) {
        int at = epoch;
        return () -> {
            if (at == epoch) {
                post(task);
            }
        };
    }

    private void drain() {
        int budget = 8;
        while (true) {
            actor.lock();
            try {
                if (status.isTerminal()) {
                    // stopped while this actor was busy: drop what the stop could not
                    releaseInterpreterState();
                }
                Runnable next;
                synchronized (queue) {
                    next = queue.poll();
                    if (next == null) {
                        draining = false;
                    }
                }
                if (next == null) {
                    // idle: it now waits for a timer, a token or a worker; what it did is written down
                    if (!status.isTerminal()) {
                        checkpoint();
                    }
                    return;
                }
                try {
                    next.run();
                } catch (Throwable t) {
                    crashed(t);
                }
                synchronized (queue) {
                    if (--budget == 0 && !queue.isEmpty()) {
                        // let other executions use this worker; resume with a fresh submission
                        services.workers().execute(this::drain);
                        return;
                    }
                }
            } finally {
                actor.unlock();
            }
        }
    }

    void schedule(double seconds, Runnable task) {
        Runnable guarded = guard(task);
        long nanos = (long) (seconds * services.timeScale() * 1_000_000_000L);
        if (nanos <= 0) {
            guarded.run();
        } else if (probe != null) {
            synchronized (probeTimers) {
                probeTimers.add(services.timers().schedule(guarded, nanos, java.util.concurrent.TimeUnit.NANOSECONDS));
            }
        } else {
            services.timers().schedule(guarded, nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    // ---- events --------------------------------------------------------------------------------

    long emit(Lane lane, EventType type, Supplier<ObjectNode> details) {
        return emitDetails(lane, type, details == null ? null : () -> new Details.Json(details.get()));
    }

    /** {@link #emit} for details in a compact form (the events of every transition). */
    long emitDetails(Lane lane, EventType type, Supplier<? extends Details> details) {
        return emitDetails(lane, services.clock().millis(), type, details);
    }

    /** {@link #emitDetails} at a time the caller read already (a state's entered time). */
    long emitDetails(Lane lane, long epochMillis, EventType type, Supplier<? extends Details> details) {
        if (lane.silent) {
            return lane.last;
        }
        return emitDetails(lane, epochMillis, type, details == null ? (Details) null : details.get());
    }

    /** {@link #emitDetails} with details built already (plain Pass states: no supplier to allocate). */
    long emitDetails(Lane lane, long epochMillis, EventType type, Details details) {
        if (lane.silent) {
            return lane.last;
        }
        long id = history.append(lane.last, epochMillis, type, details);
        if (id < 0) {
            historyFull();
            return lane.last;
        }
        lane.last = id;
        return id;
    }

    /** An event that follows {@code previousEventId} without moving the lane's position. */
    long emitAt(Lane lane, long previousEventId, EventType type, Supplier<ObjectNode> details) {
        return emitDetailsAt(lane, previousEventId, type,
                details == null ? null : () -> new Details.Json(details.get()));
    }

    long emitDetailsAt(Lane lane, long previousEventId, EventType type,
                       Supplier<? extends Details> details) {
        if (lane.silent) {
            return previousEventId;
        }
        return append(previousEventId, type, details == null ? null : details.get());
    }

    private long emitTop(long previousEventId, EventType type, ObjectNode details) {
        return append(previousEventId, type, details == null ? null : new Details.Json(details));
    }

    private long append(long previousEventId, EventType type, Details details) {
        long id = history.append(previousEventId, services.clock().millis(), type, details);
        if (id < 0) {
            historyFull();
            return previousEventId;
        }
        return id;
    }

    // ---- services for states -------------------------------------------------------------------

    /**
     * JSON text of a state's input or output. A state's output is the next state's input (the same
     * node), so the last text is reused: one serialisation and one string per transition.
     */
    String text(JsonNode value) {
        if (value != lastSerialised) {
            lastText = EventDetails.text(value);
            lastSerialised = value;
        }
        return lastText;
    }

    Instant now() {
        return services.clock().instant();
    }

    double random() {
        return services.random().nextDouble();
    }

    EngineServices services() {
        return services;
    }

    /** The invocation index of a mocked state within this execution, for MockedResponses keys. */
    int nextMockInvocation(String stateName) {
        if (mockInvocations == null) {
            mockInvocations = new HashMap<>();
        }
        return mockInvocations.merge(stateName, 1, Integer::sum) - 1;
    }

    String newMapRunArn(String stateName) {
        String arn = request.stateMachineArn().replace(":stateMachine:", ":mapRun:");
        return arn + "/" + stateName + ":" + java.util.UUID.randomUUID();
    }

    /** The context object ($$) of a state; the execution part is shared between states. */
    ObjectNode contextObject(String stateName, Instant enteredTime, String taskToken) {
        if (contextBase == null) {
            ObjectNode execution = NODES.objectNode();
            execution.put("Id", request.executionArn());
            execution.set("Input", parse(request.input()));
            execution.put("StartTime", format(startDate));
            execution.put("Name", request.name());
            execution.put("RoleArn", request.roleArn());
            execution.put("RedriveCount", redriveCount);
            if (redriveDate != null) {
                execution.put("RedriveTime", format(redriveDate));
            }
            ObjectNode machine = NODES.objectNode();
            machine.put("Id", request.stateMachineArn());
            machine.put("Name", request.stateMachineName());
            contextBase = NODES.objectNode();
            contextBase.set("Execution", execution);
            contextBase.set("StateMachine", machine);
        }
        ObjectNode ctx = NODES.objectNode();
        ctx.set("Execution", contextBase.get("Execution"));
        ctx.set("StateMachine", contextBase.get("StateMachine"));
        ObjectNode st = ctx.putObject("State");
        st.put("EnteredTime", format(enteredTime));
        st.put("Name", stateName);
        if (taskToken != null) {
            ctx.putObject("Task").put("Token", taskToken);
        }
        if (probe != null && probe.context != null) {
            // TestState's context: the caller's fields replace (object by object) those the run made
            ctx = ctx.deepCopy();
            merge(ctx, probe.context);
        }
        return ctx;
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(e -> {
            JsonNode there = into.get(e.getKey());
            if (there instanceof ObjectNode target && e.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return NODES.textNode(json);
        }
    }
}
