package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.asl.State;
import io.jenkins.plugins.stepfunctions.engine.asl.StateIo;
import io.jenkins.plugins.stepfunctions.engine.asl.ValueSource;
import io.jenkins.plugins.stepfunctions.engine.dataflow.JsonataScope;
import io.jenkins.plugins.stepfunctions.engine.dataflow.PathScope;
import java.time.Instant;
import java.util.Map;

/**
 * What the runner of each state type ({@link ChoiceRun}, {@link WaitRun}, {@link FailRun},
 * {@link TaskInvocation}, {@link MapRun} with its {@link ItemReading} and {@link ResultExport},
 * {@link ParallelRun}) and the {@link DataFlow} see of the state's visit ({@link StateRun}): where it
 * runs, its input and data flow, its attempt and task token, and how it ends. Nothing else of StateRun
 * (Retry, Catch, the entered event, the payload limit) is theirs to reach.
 */
interface StateContext extends ValueSource.Evaluator {
    ExecutionRun execution();

    Lane lane();

    State state();

    StateIo io();

    /** The state's raw input. */
    JsonNode input();

    /** The data flow of the state's query language. */
    DataFlow flow();

    /** The current attempt: answers and timers of an older one are stale (see {@link #guarded}). */
    int currentAttempt();

    /** The event the state's entered event follows (0 for the first state of an execution). */
    long enteredPrev();

    /** The context object {@code $$} of this visit. */
    ObjectNode context();

    /** InputPath / OutputPath: null gives {}, "$" the value itself. */
    JsonNode select(String path, JsonNode value, String field);

    /** The value after InputPath, noted for TestState's inspection data (the value itself is returned). */
    JsonNode inspectedInputPath(JsonNode effective);

    /** What a JSONPath reads from {@code value}: it as {@code $}, the context object as {@code $$}, the variables. */
    PathScope pathScope(JsonNode value);

    /** A JSONPath payload template (Parameters, ItemSelector) resolved against {@code value}. */
    JsonNode template(JsonNode template, JsonNode value);

    JsonNode jsonata(JsonNode template, JsonataScope scope, String field);

    /** {@code $states} with this visit's input and, when the state reads it, the context object. */
    JsonataScope jsonataScope(JsonNode result, JsonNode errorOutput);

    /** {@code $states} with this visit's input and {@code ctx} as the context object. */
    JsonataScope jsonataScope(JsonNode ctx, JsonNode result, JsonNode errorOutput);

    /** The task token of the current attempt, or null. */
    String taskToken();

    void taskToken(String token);

    /** What the state waits for, kept so that a restarted engine resumes it. */
    void waitingTask(ResumePoint.WaitingTask waitingTask);

    /** A Wait's deadline, kept so that a restarted engine waits for the rest. */
    void waitingUntil(Instant wake);

    /**
     * The state's exit: its exited event with {@code output} and the {@code assigned} variables (null:
     * none), then {@code next} (null: the end of its branch). An output over the payload limit fails it.
     */
    void exit(JsonNode output, Map<String, JsonNode> assigned, String next);

    /** The raw result goes through ResultSelector/ResultPath/OutputPath or Output, and the state exits. */
    void finishWithResult(JsonNode result);

    /** Retry, then Catch, then give up; {@code failedEvent}: write {@code <Type>StateFailed} first. */
    void failed(StatesException e, long previousEventId, boolean failedEvent);

    /** Runs {@code r} unless a later attempt or a terminal status made it stale. */
    void guarded(int forAttempt, Runnable r);
}
