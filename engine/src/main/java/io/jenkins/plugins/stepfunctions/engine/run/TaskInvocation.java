package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.asl.State;
import io.jenkins.plugins.stepfunctions.engine.asl.ValueSource;
import io.jenkins.plugins.stepfunctions.engine.history.EventDetails;
import io.jenkins.plugins.stepfunctions.engine.history.EventType;
import io.jenkins.plugins.stepfunctions.engine.mock.MockedResponse;
import java.util.Optional;

/**
 * One attempt of a Task state: resolves the parameters (with a task token when the integration
 * waits for one), records the scheduling events of its kind (service integration, activity or
 * legacy Lambda ARN), then answers from the MockConfigFile, a callback, an activity worker or a
 * real HTTP call, under TimeoutSeconds and HeartbeatSeconds.
 */
final class TaskInvocation {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Who runs the task, with the events that end an attempt of it: a service integration's details
     * name its resource, an activity's and a Lambda function's do not.
     */
    private enum Kind {
        SERVICE(EventType.TASK_SUCCEEDED, EventType.TASK_FAILED, EventType.TASK_TIMED_OUT),
        ACTIVITY(EventType.ACTIVITY_SUCCEEDED, EventType.ACTIVITY_FAILED, EventType.ACTIVITY_TIMED_OUT),
        LAMBDA(EventType.LAMBDA_FUNCTION_SUCCEEDED, EventType.LAMBDA_FUNCTION_FAILED,
                EventType.LAMBDA_FUNCTION_TIMED_OUT);

        final EventType succeeded;
        final EventType failed;
        final EventType timedOut;

        Kind(EventType succeeded, EventType failed, EventType timedOut) {
            this.succeeded = succeeded;
            this.failed = failed;
            this.timedOut = timedOut;
        }
    }

    private final StateContext run;
    private final State.Task task;
    private final ExecutionRun execution;
    private final Kind kind;
    private final String resourceType;
    private final String resource;
    private final boolean waitForToken;
    private final boolean sync;
    /** Read by activity pollers on other threads. */
    private volatile boolean done;
    private int heartbeatGeneration;
    private Long heartbeatSeconds;

    TaskInvocation(StateContext run, State.Task task) {
        this.run = run;
        this.task = task;
        this.execution = run.execution();
        String arn = task.resource();
        String[] parts = arn.split(":", 7);
        if (parts.length >= 6 && parts[2].equals("states") && parts[5].startsWith("activity")) {
            kind = Kind.ACTIVITY;
            resourceType = "activity";
            resource = arn;
        } else if (parts.length >= 7 && parts[2].equals("lambda") && parts[5].equals("function")) {
            kind = Kind.LAMBDA;
            resourceType = "lambda";
            resource = arn;
        } else {
            kind = Kind.SERVICE;
            String service = parts.length >= 6 ? parts[5] : arn;
            String action = parts.length >= 7 ? parts[6] : "";
            resourceType = service;
            resource = action;
        }
        waitForToken = arn.endsWith(".waitForTaskToken");
        sync = arn.endsWith(".sync") || arn.endsWith(".sync:2");
    }

    void run() {
        int attempt = run.currentAttempt();
        if (waitForToken || kind == Kind.ACTIVITY) {
            run.taskToken(execution.services().tokens().open(execution, callback(attempt)));
        }
        JsonNode effective = run.flow().effectiveInput(run);
        JsonNode parameters = run.flow().workInput(run, effective);
        StateProbe probe = execution.probe();
        Long timeout = seconds(task.timeout(), effective);
        heartbeatSeconds = seconds(task.heartbeat(), effective);
        if (timeout == null && kind == Kind.ACTIVITY) {
            timeout = 99999999L;
        }
        // TestState: the request's mock, never the MockConfigFile (its test cases belong to state machines)
        Optional<MockedResponse> mock = probe != null ? Optional.ofNullable(probe.mock)
                : execution.services().mocks().response(
                execution.request().stateMachineName(), execution.request().testCase(), run.state().name(),
                execution.services().mocks().hasTestCase(execution.request().stateMachineName(),
                        execution.request().testCase()) ? execution.nextMockInvocation(run.state().name()) : 0);
        boolean http = kind == Kind.SERVICE && "http".equals(resourceType) && resource.startsWith("invoke");
        if (mock.isEmpty() && kind != Kind.ACTIVITY && !waitForToken && !http) {
            closeToken();
            throw new StatesException(StatesException.RUNTIME, notRunnable(parameters));
        }
        String parametersText = EventDetails.text(parameters);
        Long timeoutShown = kind == Kind.ACTIVITY && task.timeout() == null
                ? null : timeout;
        switch (kind) {
            case ACTIVITY -> {
                // a TestState mock answers for the worker: the activity need not exist here
                if (!(probe != null && mock.isPresent()) && !execution.services().activities().exists(resource)) {
                    closeToken();
                    long failed = execution.emit(run.lane(), EventType.ACTIVITY_SCHEDULE_FAILED,
                            () -> EventDetails.errorCause("ActivityDoesNotExist", "Activity " + resource
                                    + " does not exist: create it with CreateActivity."));
                    run.failed(new StatesException("ActivityDoesNotExist", "Activity " + resource
                            + " does not exist: create it with CreateActivity."), failed, false);
                    return;
                }
                execution.emit(run.lane(), EventType.ACTIVITY_SCHEDULED,
                        () -> EventDetails.activityScheduled(resource, parametersText, timeoutShown, heartbeatSeconds));
            }
            case LAMBDA -> {
                Long t = timeout;
                execution.emit(run.lane(), EventType.LAMBDA_FUNCTION_SCHEDULED,
                        () -> EventDetails.lambdaScheduled(resource, parametersText, t));
                execution.emit(run.lane(), EventType.LAMBDA_FUNCTION_STARTED, null);
            }
            default -> {
                Long t = timeout;
                execution.emit(run.lane(), EventType.TASK_SCHEDULED,
                        () -> EventDetails.taskScheduled(resourceType, resource, region(), parametersText, t,
                                heartbeatSeconds));
                execution.emit(run.lane(), EventType.TASK_STARTED,
                        () -> EventDetails.resource(resourceType, resource));
            }
        }
        if (timeout != null) {
            execution.schedule(timeout, () -> run.guarded(attempt, () -> timedOut(StatesException.TIMEOUT)));
        }
        if (heartbeatSeconds != null) {
            armHeartbeat(attempt);
        }
        if (mock.isPresent()) {
            answerFromMock(mock.get(), attempt);
        } else if (kind == Kind.ACTIVITY) {
            String token = run.taskToken();
            Activities.Work work = new Activities.Work(new ActivityTask(token, parametersText), worker ->
                    execution.post(() -> run.guarded(attempt, () -> {
                        if (!done) {
                            execution.emit(run.lane(), EventType.ACTIVITY_STARTED,
                                    () -> EventDetails.workerName(worker));
                        }
                    })), () -> !done && !execution.status().isTerminal());
            execution.services().activities().schedule(resource, work);
            run.waitingTask(new ResumePoint.WaitingTask(token, resource, parametersText));
        } else if (http) {
            HttpInvoke.Trace trace = probe == null ? null : (request, response) -> {
                probe.httpRequest = request;
                probe.httpResponse = response;
            };
            new HttpInvoke(execution.services().http().get(), execution.services().httpInvokeGuard()).call(parameters, trace).whenComplete((result, error) ->
                    execution.guard(() -> run.guarded(attempt, () -> {
                        Throwable cause = error instanceof java.util.concurrent.CompletionException
                                && error.getCause() != null ? error.getCause() : error;
                        if (cause instanceof StatesException se) {
                            fail(se.error(), se.cause());
                        } else if (cause != null) {
                            fail("States.Http.Socket", "The HTTP call failed: " + cause);
                        } else {
                            succeed(result);
                        }
                    })).run());
        } else if (waitForToken) {
            execution.emit(run.lane(), EventType.TASK_SUBMITTED,
                    () -> EventDetails.resourceOutput(resourceType, resource, "{}"));
            run.waitingTask(new ResumePoint.WaitingTask(run.taskToken(), null, null));
        }
    }

    /**
     * Resumes the attempt that was waiting for {@code saved}'s token when the server stopped (its
     * events are in the history already): the same token answers it, and an activity task is queued
     * again for the workers with the same token and input.
     */
    void resume(ResumePoint.WaitingTask saved) {
        int attempt = run.currentAttempt();
        run.taskToken(saved.token());
        run.waitingTask(saved);
        execution.services().tokens().reopen(saved.token(), execution, callback(attempt));
        if (kind == Kind.ACTIVITY && saved.activityArn() != null) {
            Activities.Work work = new Activities.Work(new ActivityTask(saved.token(), saved.activityInput()),
                    worker -> execution.post(() -> run.guarded(attempt, () -> {
                        if (!done) {
                            execution.emit(run.lane(), EventType.ACTIVITY_STARTED,
                                    () -> EventDetails.workerName(worker));
                        }
                    })), () -> !done && !execution.status().isTerminal());
            execution.services().activities().schedule(saved.activityArn(), work);
        }
    }

    private void answerFromMock(MockedResponse response, int attempt) {
        if (response instanceof MockedResponse.Throw t) {
            if (sync || waitForToken) {
                // AWS: the request was submitted, then the job or the callback failed
                execution.emit(run.lane(), EventType.TASK_SUBMITTED,
                        () -> EventDetails.resourceOutput(resourceType, resource, "{}"));
            }
            fail(t.error(), t.cause());
            return;
        }
        JsonNode value = ((MockedResponse.Return) response).value();
        if (value == null) {
            value = NODES.objectNode();
        }
        if (kind == Kind.LAMBDA && value.isObject() && value.has("Payload")) {
            value = value.get("Payload");
        }
        if (sync && resourceType.equals("states") && value.isObject() && !value.has("RedriveCount")
                && "SUCCEEDED".equals(value.path("Status").asText())) {
            ObjectNode described = ((ObjectNode) value).deepCopy();
            described.put("RedriveCount", 0);
            described.put("RedriveStatus", "NOT_REDRIVABLE");
            described.put("RedriveStatusReason", "Execution is SUCCEEDED and cannot be redriven");
            value = sortedFields(described);
        }
        JsonNode result = value;
        if (sync || waitForToken) {
            execution.emit(run.lane(), EventType.TASK_SUBMITTED,
                    () -> EventDetails.resourceOutput(resourceType, resource, EventDetails.text(result)));
        }
        succeed(result);
    }

    private static JsonNode sortedFields(ObjectNode node) {
        ObjectNode out = NODES.objectNode();
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.stream().sorted().forEach(n -> out.set(n, node.get(n)));
        return out;
    }

    private TaskTokens.Callback callback(int attempt) {
        return new TaskTokens.Callback() {
            @Override
            public void success(String output) {
                run.guarded(attempt, () -> succeed(ExecutionRun.parse(output)));
            }

            @Override
            public void failure(String error, String cause) {
                run.guarded(attempt, () -> fail(error, cause));
            }

            @Override
            public void heartbeat() {
                run.guarded(attempt, () -> {
                    if (!done && heartbeatSeconds != null) {
                        armHeartbeat(attempt);
                    }
                });
            }
        };
    }

    private void armHeartbeat(int attempt) {
        int generation = ++heartbeatGeneration;
        execution.schedule(heartbeatSeconds, () -> run.guarded(attempt, () -> {
            if (generation == heartbeatGeneration) {
                timedOut(StatesException.HEARTBEAT_TIMEOUT);
            }
        }));
    }

    private void succeed(JsonNode result) {
        if (done) {
            return;
        }
        done = true;
        closeToken();
        String text = EventDetails.text(result);
        execution.emit(run.lane(), kind.succeeded, () -> kind == Kind.SERVICE
                ? EventDetails.resourceOutput(resourceType, resource, text) : EventDetails.output(text));
        run.finishWithResult(result);
    }

    private void fail(String error, String cause) {
        if (done) {
            return;
        }
        done = true;
        closeToken();
        long id = execution.emit(run.lane(), kind.failed, () -> kind == Kind.SERVICE
                ? EventDetails.resourceError(resourceType, resource, error, cause)
                : EventDetails.errorCause(error, cause));
        run.failed(new StatesException(error, cause), id, false);
    }

    private void timedOut(String error) {
        if (done) {
            return;
        }
        done = true;
        if (run.taskToken() != null) {
            execution.services().tokens().timedOut(run.taskToken());
        }
        long id = execution.emit(run.lane(), kind.timedOut, () -> kind == Kind.SERVICE
                ? EventDetails.resourceError(resourceType, resource, error, null)
                : EventDetails.errorCause(error, null));
        run.failed(new StatesException(error, null), id, false);
    }

    private void closeToken() {
        if (run.taskToken() != null) {
            execution.services().tokens().close(run.taskToken());
        }
    }

    /** TimeoutSeconds or HeartbeatSeconds (or their Path): a positive integer, or null when not given. */
    private Long seconds(ValueSource source, JsonNode effective) {
        if (source == null) {
            return null;
        }
        JsonNode v = source.resolve(run, effective);
        if (!v.isIntegralNumber() || v.asLong() < 1) {
            boolean path = source instanceof ValueSource.Path;
            throw new StatesException(path ? StatesException.RUNTIME : run.flow().valueError(), "The " + source.field() + " field must be a "
                    + "positive integer, but was: " + EventDetails.text(v));
        }
        return v.asLong();
    }

    private String region() {
        String[] parts = execution.request().stateMachineArn().split(":");
        return parts.length > 3 ? parts[3] : "us-east-1";
    }

    private String notRunnable(JsonNode parameters) {
        if (execution.probe() != null) {
            return "The Task state '" + run.state().name() + "' calls " + task.resource() + ", which the embedded "
                    + "engine does not call for real. Give TestState a mock: \"mock\": {\"result\": \"<the JSON the "
                    + "service would return>\"} or \"mock\": {\"errorOutput\": {\"error\": \"...\", \"cause\": "
                    + "\"...\"}}; or test an arn:aws:states:::http:invoke call.";
        }
        String sm = execution.request().stateMachineName();
        String state = run.state().name();
        String example = "{\"StateMachines\":{\"" + sm + "\":{\"TestCases\":{\"HappyPath\":{\"" + state + "\":\""
                + state + "Ok\"}}}},\"MockedResponses\":{\"" + state + "Ok\":{\"0\":{\"Return\":"
                + (resourceType.equals("lambda") ? "{\"StatusCode\":200,\"Payload\":{}}" : "{}") + "}}}}";
        return "The Task state '" + state + "' calls " + task.resource() + ", which the embedded engine does not "
                + "call for real" + (execution.request().testCase() == null ? ""
                : " and test case '" + execution.request().testCase() + "' does not mock") + ". Mock it in a "
                + "MockConfigFile (sfn local --mock-config FILE) and start the execution with the state machine ARN "
                + "followed by #<TestCase>, e.g. " + example + " ; or make it a callback task (.waitForTaskToken), "
                + "an activity, or an arn:aws:states:::http:invoke call.";
    }
}
