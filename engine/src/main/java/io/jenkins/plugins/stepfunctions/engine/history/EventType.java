package io.jenkins.plugins.stepfunctions.engine.history;

import java.util.HashMap;
import java.util.Map;

/**
 * The history event types the engine writes, each with AWS's HistoryEventType name
 * ({@link #typeName()}, e.g. {@code PassStateEntered}) and the member of the event that carries its
 * details ({@link #detailsField()}, e.g. {@code stateEnteredEventDetails}; null for events without
 * details). The one place where these names are written.
 */
public enum EventType {
    EXECUTION_STARTED("ExecutionStarted", "executionStartedEventDetails"),
    EXECUTION_SUCCEEDED("ExecutionSucceeded", "executionSucceededEventDetails"),
    EXECUTION_FAILED("ExecutionFailed", "executionFailedEventDetails"),
    EXECUTION_TIMED_OUT("ExecutionTimedOut", "executionTimedOutEventDetails"),
    EXECUTION_ABORTED("ExecutionAborted", "executionAbortedEventDetails"),
    EXECUTION_REDRIVEN("ExecutionRedriven", "executionRedrivenEventDetails"),

    PASS_STATE_ENTERED("PassStateEntered", Fields.ENTERED),
    PASS_STATE_EXITED("PassStateExited", Fields.EXITED),
    TASK_STATE_ENTERED("TaskStateEntered", Fields.ENTERED),
    TASK_STATE_EXITED("TaskStateExited", Fields.EXITED),
    TASK_STATE_ABORTED("TaskStateAborted", null),
    CHOICE_STATE_ENTERED("ChoiceStateEntered", Fields.ENTERED),
    CHOICE_STATE_EXITED("ChoiceStateExited", Fields.EXITED),
    WAIT_STATE_ENTERED("WaitStateEntered", Fields.ENTERED),
    WAIT_STATE_EXITED("WaitStateExited", Fields.EXITED),
    WAIT_STATE_ABORTED("WaitStateAborted", null),
    SUCCEED_STATE_ENTERED("SucceedStateEntered", Fields.ENTERED),
    SUCCEED_STATE_EXITED("SucceedStateExited", Fields.EXITED),
    FAIL_STATE_ENTERED("FailStateEntered", Fields.ENTERED),
    FAIL_STATE_EXITED("FailStateExited", Fields.EXITED),
    PARALLEL_STATE_ENTERED("ParallelStateEntered", Fields.ENTERED),
    PARALLEL_STATE_EXITED("ParallelStateExited", Fields.EXITED),
    PARALLEL_STATE_STARTED("ParallelStateStarted", null),
    PARALLEL_STATE_SUCCEEDED("ParallelStateSucceeded", null),
    PARALLEL_STATE_FAILED("ParallelStateFailed", null),
    PARALLEL_STATE_ABORTED("ParallelStateAborted", null),
    MAP_STATE_ENTERED("MapStateEntered", Fields.ENTERED),
    MAP_STATE_EXITED("MapStateExited", Fields.EXITED),
    MAP_STATE_STARTED("MapStateStarted", "mapStateStartedEventDetails"),
    MAP_STATE_SUCCEEDED("MapStateSucceeded", null),
    MAP_STATE_FAILED("MapStateFailed", null),
    MAP_STATE_ABORTED("MapStateAborted", null),

    MAP_RUN_STARTED("MapRunStarted", "mapRunStartedEventDetails"),
    MAP_RUN_REDRIVEN("MapRunRedriven", "mapRunRedrivenEventDetails"),
    MAP_RUN_SUCCEEDED("MapRunSucceeded", null),
    MAP_RUN_FAILED("MapRunFailed", "mapRunFailedEventDetails"),
    MAP_RUN_ABORTED("MapRunAborted", null),
    MAP_ITERATION_STARTED("MapIterationStarted", "mapIterationStartedEventDetails"),
    MAP_ITERATION_SUCCEEDED("MapIterationSucceeded", "mapIterationSucceededEventDetails"),
    MAP_ITERATION_FAILED("MapIterationFailed", "mapIterationFailedEventDetails"),
    MAP_ITERATION_ABORTED("MapIterationAborted", "mapIterationAbortedEventDetails"),

    EVALUATION_FAILED("EvaluationFailed", "evaluationFailedEventDetails"),

    TASK_SCHEDULED("TaskScheduled", "taskScheduledEventDetails"),
    TASK_STARTED("TaskStarted", "taskStartedEventDetails"),
    TASK_SUBMITTED("TaskSubmitted", "taskSubmittedEventDetails"),
    TASK_SUCCEEDED("TaskSucceeded", "taskSucceededEventDetails"),
    TASK_FAILED("TaskFailed", "taskFailedEventDetails"),
    TASK_TIMED_OUT("TaskTimedOut", "taskTimedOutEventDetails"),

    ACTIVITY_SCHEDULE_FAILED("ActivityScheduleFailed", "activityScheduleFailedEventDetails"),
    ACTIVITY_SCHEDULED("ActivityScheduled", "activityScheduledEventDetails"),
    ACTIVITY_STARTED("ActivityStarted", "activityStartedEventDetails"),
    ACTIVITY_SUCCEEDED("ActivitySucceeded", "activitySucceededEventDetails"),
    ACTIVITY_FAILED("ActivityFailed", "activityFailedEventDetails"),
    ACTIVITY_TIMED_OUT("ActivityTimedOut", "activityTimedOutEventDetails"),

    LAMBDA_FUNCTION_SCHEDULED("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails"),
    LAMBDA_FUNCTION_STARTED("LambdaFunctionStarted", null),
    LAMBDA_FUNCTION_SUCCEEDED("LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails"),
    LAMBDA_FUNCTION_FAILED("LambdaFunctionFailed", "lambdaFunctionFailedEventDetails"),
    LAMBDA_FUNCTION_TIMED_OUT("LambdaFunctionTimedOut", "lambdaFunctionTimedOutEventDetails");

    /** The details members that every state type's entered and exited events share. */
    private static final class Fields {
        static final String ENTERED = "stateEnteredEventDetails";
        static final String EXITED = "stateExitedEventDetails";
    }

    private static final Map<String, EventType> BY_NAME = new HashMap<>();

    static {
        for (EventType t : values()) {
            BY_NAME.put(t.typeName, t);
        }
    }

    private final String typeName;
    private final String detailsField;

    EventType(String typeName, String detailsField) {
        this.typeName = typeName;
        this.detailsField = detailsField;
    }

    /** AWS's HistoryEventType, e.g. {@code PassStateEntered}. */
    public String typeName() {
        return typeName;
    }

    /** The member that carries the details, e.g. {@code stateEnteredEventDetails}; null without details. */
    public String detailsField() {
        return detailsField;
    }

    @Override
    public String toString() {
        return typeName;
    }

    /** The type named {@code typeName} (AWS's name, as {@link #typeName()} returns it). */
    public static EventType of(String typeName) {
        EventType t = BY_NAME.get(typeName);
        if (t == null) {
            throw new IllegalArgumentException("unknown history event type " + typeName);
        }
        return t;
    }

    /** {@code <Type>StateEntered} of an ASL state type ({@code Pass}, {@code Task} ...). */
    public static EventType stateEntered(String stateType) {
        return switch (stateType) {
            case "Pass" -> PASS_STATE_ENTERED;
            case "Task" -> TASK_STATE_ENTERED;
            case "Choice" -> CHOICE_STATE_ENTERED;
            case "Wait" -> WAIT_STATE_ENTERED;
            case "Succeed" -> SUCCEED_STATE_ENTERED;
            case "Fail" -> FAIL_STATE_ENTERED;
            case "Parallel" -> PARALLEL_STATE_ENTERED;
            case "Map" -> MAP_STATE_ENTERED;
            default -> throw new IllegalArgumentException("no state type " + stateType);
        };
    }

    /** {@code <Type>StateExited} of an ASL state type. */
    public static EventType stateExited(String stateType) {
        return switch (stateType) {
            case "Pass" -> PASS_STATE_EXITED;
            case "Task" -> TASK_STATE_EXITED;
            case "Choice" -> CHOICE_STATE_EXITED;
            case "Wait" -> WAIT_STATE_EXITED;
            case "Succeed" -> SUCCEED_STATE_EXITED;
            case "Fail" -> FAIL_STATE_EXITED;
            case "Parallel" -> PARALLEL_STATE_EXITED;
            case "Map" -> MAP_STATE_EXITED;
            default -> throw new IllegalArgumentException("no state type " + stateType);
        };
    }

    /** {@code <Type>StateAborted}: Task, Wait, Parallel and Map states have one. */
    public static EventType stateAborted(String stateType) {
        return switch (stateType) {
            case "Task" -> TASK_STATE_ABORTED;
            case "Wait" -> WAIT_STATE_ABORTED;
            case "Parallel" -> PARALLEL_STATE_ABORTED;
            case "Map" -> MAP_STATE_ABORTED;
            default -> throw new IllegalArgumentException("no aborted event for state type " + stateType);
        };
    }

    /** {@code <Type>StateFailed}: Parallel and Map states have one. */
    public static EventType stateFailed(String stateType) {
        return switch (stateType) {
            case "Parallel" -> PARALLEL_STATE_FAILED;
            case "Map" -> MAP_STATE_FAILED;
            default -> throw new IllegalArgumentException("no failed event for state type " + stateType);
        };
    }
}
