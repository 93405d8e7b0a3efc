package io.jenkins.plugins.stepfunctions.engine.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.ApiException;
import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import io.jenkins.plugins.stepfunctions.engine.run.ExecutionEngine;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The Step Functions API of the embedded engine, called in this process: the operations {@link EngineServer}
 * serves over HTTP, the same request and response bodies (AWS JSON 1.0 members), without a socket, an HTTP
 * server or its threads. {@code sfn run --local} runs on this; the engine itself is built on a second thread
 * while the first calls (CreateStateMachine) are answered.
 */
public final class EngineApi implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EngineApi.class.getName());

    private final Map<String, Operation> operations;
    private final Map<String, LongPoll.Operation> longPollOperations;
    private final CompletableFuture<ExecutionEngine> engine;
    private final StateMachineStore stateMachines;
    private final ExecutionStore executions;
    private final java.util.List<String> dataDirProblems;
    private final double timeScale;
    final ObjectMapper mapper;
    final String region;

    private EngineApi(Map<String, Operation> operations, Map<String, LongPoll.Operation> longPollOperations,
                      CompletableFuture<ExecutionEngine> engine, StateMachineStore stateMachines,
                      ExecutionStore executions, ObjectMapper mapper, java.util.List<String> dataDirProblems,
                      double timeScale) {
        this.stateMachines = stateMachines;
        this.timeScale = timeScale;
        this.dataDirProblems = java.util.List.copyOf(dataDirProblems);
        this.operations = Map.copyOf(operations);
        this.longPollOperations = Map.copyOf(longPollOperations);
        this.engine = engine;
        this.executions = executions;
        this.mapper = mapper;
        this.region = ApiHandler.DEFAULT_REGION;
    }

    /** An engine and its API for this process only (no server): {@link #call} is the way in. */
    public static EngineApi start(EngineConfig config) {
        return start(config, started -> {
        });
    }

    /**
     * @param onEngineStarted runs on the start-up thread once the interpreter is built, before any
     *                        execution can run (the server refuses http:invoke to itself there)
     */
    static EngineApi start(EngineConfig config, java.util.function.Consumer<ExecutionEngine> onEngineStarted) {
        return start(config, onEngineStarted, null, null);
    }

    /** The operations that change state machines, versions, aliases or activities: a data directory syncs after them. */
    private static final java.util.Set<String> CATALOG_CHANGES = java.util.Set.of("CreateStateMachine",
            "UpdateStateMachine", "DeleteStateMachine", "PublishStateMachineVersion", "DeleteStateMachineVersion",
            "CreateStateMachineAlias", "UpdateStateMachineAlias", "DeleteStateMachineAlias", "CreateActivity",
            "DeleteActivity");

    /**
     * @param catalog        where state machines, versions, aliases and activities are kept, or null (memory only)
     * @param executionFiles where executions and their histories are kept, or null; with both, what the data
     *                       directory held is loaded first and the executions that were running resume
     */
    static EngineApi start(EngineConfig config, java.util.function.Consumer<ExecutionEngine> onEngineStarted,
            CatalogFiles catalog, ExecutionFiles executionFiles) {
        // The interpreter takes the longest to set up (thread pools, an HTTP client for http:invoke); it
        // is built while the first requests, which do not run anything, are answered.
        CompletableFuture<ExecutionEngine> engine = new CompletableFuture<>();
        Thread engineStartup = new Thread(() -> {
            try {
                ExecutionEngine started = executionFiles == null ? new ExecutionEngine(config)
                        : new ExecutionEngine(config, executionFiles);
                onEngineStarted.accept(started);
                engine.complete(started);
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "the interpreter could not start; executions cannot run", e);
                engine.completeExceptionally(e);
            }
        }, "sfn-engine-startup");
        engineStartup.setDaemon(true);
        engineStartup.start();
        Supplier<ExecutionEngine> runningEngine = engine::join;
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

        StateMachineStore stateMachines = new StateMachineStore();
        ExecutionStore executions = executionFiles == null ? new ExecutionStore()
                : new ExecutionStore(executionFiles::started);
        ActivityStore activities = new ActivityStore();
        TagStore tags = new TagStore(arn -> stateMachines.contains(arn) || activities.contains(arn));

        Map<String, Operation> operations = new HashMap<>();
        new StateMachineOperations(stateMachines, tags, config.clock()).register(operations);
        new VersionAliasOperations(stateMachines, config.clock()).register(operations);
        new ExecutionOperations(stateMachines, executions, runningEngine, mapper, config.clock()).register(operations);
        new TaskTokenOperations(runningEngine, mapper).register(operations);
        new TestStateOperations(runningEngine, mapper).register(operations);
        Map<String, LongPoll.Operation> longPollOperations = new HashMap<>();
        ActivityOperations activityOperations = new ActivityOperations(activities, runningEngine, tags, config.clock());
        activityOperations.register(operations);
        activityOperations.registerLongPolls(longPollOperations);
        tags.register(operations);
        java.util.List<String> problems = new java.util.ArrayList<>();
        if (catalog != null && executionFiles != null) {
            ExecutionEngine loaded = engine.join();
            catalog.load(stateMachines, activities, loaded::registerActivity, problems);
            executionFiles.load(stateMachines, executions, loaded, problems);
            problems.forEach(p -> LOG.log(System.Logger.Level.WARNING, "data directory: " + p));
            for (String name : CATALOG_CHANGES) {
                Operation change = operations.get(name);
                operations.put(name, request -> {
                    ObjectNode response = change.handle(request);
                    catalog.sync(stateMachines, activities);
                    return response;
                });
            }
            catalog.sync(stateMachines, activities);
        }
        return new EngineApi(operations, longPollOperations, engine, stateMachines, executions, mapper, problems,
                config.timeScale());
    }

    /**
     * One API call: {@code operation} as in {@code X-Amz-Target: AWSStepFunctions.<operation>}, its request
     * body; returns the response body. A long poll (GetActivityTask) waits here for its answer.
     *
     * @throws ApiException what the server would answer as an error (its {@code __type} is {@link ApiException#type()})
     */
    public ObjectNode call(String operation, ObjectNode body) throws InterruptedException {
        ApiRequest request = new ApiRequest(operation, body == null ? mapper.createObjectNode() : body, region);
        try {
            LongPoll.Operation longPoll = longPollOperations.get(operation);
            if (longPoll != null) {
                LongPoll poll = longPoll.start(request);
                try {
                    return poll.answer().get();
                } catch (InterruptedException e) {
                    // the caller gave up: no task may be handed to a poll nobody reads
                    poll.abandon().run();
                    throw e;
                }
            }
            Operation handler = operations.get(operation);
            if (handler == null) {
                throw new ApiException(ApiErrors.UNKNOWN_OPERATION, "Unknown operation '" + operation + "': one of "
                        + knownOperations());
            }
            return handler.handle(request);
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw new IllegalStateException(e.getCause());
        } catch (RuntimeException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * How many events the history of this execution holds now (what GetExecutionHistory would read), or -1
     * when there is no such execution: a follower in this process asks before it waits.
     */
    public long historySize(String executionArn) {
        ExecutionEntry entry = executions.get(executionArn);
        return entry == null ? -1 : entry.execution().history().size();
    }

    /** What could not be read back from the data directory (the file and what was lost); empty without one. */
    java.util.List<String> dataDirProblems() {
        return dataDirProblems;
    }

    /** The stores and the engine, for what reads them beside the API (sfn local's console). */
    StateMachineStore stateMachines() {
        return stateMachines;
    }

    ExecutionStore executions() {
        return executions;
    }

    /** The engine's time scale (the console shows Waits at it). */
    double timeScale() {
        return timeScale;
    }

    Map<String, Operation> operations() {
        return operations;
    }

    Map<String, LongPoll.Operation> longPollOperations() {
        return longPollOperations;
    }

    CompletableFuture<ExecutionEngine> engine() {
        return engine;
    }

    private TreeSet<String> knownOperations() {
        TreeSet<String> known = new TreeSet<>(operations.keySet());
        known.addAll(longPollOperations.keySet());
        return known;
    }

    /** Stops the engine (running executions end with the process). */
    @Override
    public void close() {
        try {
            engine.join().close();
        } catch (CompletionException engineNeverStarted) {
            // nothing to stop
        }
    }
}
