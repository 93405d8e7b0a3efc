package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.WireValues.object;
import static io.jenkins.plugins.stepfunctions.engine.server.WireValues.putIfPresent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.ApiException;
import io.jenkins.plugins.stepfunctions.engine.asl.InvalidDefinitionException;
import io.jenkins.plugins.stepfunctions.engine.asl.State;
import io.jenkins.plugins.stepfunctions.engine.asl.StateMachineDefinition;
import io.jenkins.plugins.stepfunctions.engine.history.EventDetails;
import io.jenkins.plugins.stepfunctions.engine.mock.MockedResponse;
import io.jenkins.plugins.stepfunctions.engine.run.ExecutionEngine;
import io.jenkins.plugins.stepfunctions.engine.run.StateTestRequest;
import io.jenkins.plugins.stepfunctions.engine.run.StateTestResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * TestState: one state run once with its input and output processing, as AWS's TestState API runs
 * it, its messages for refused requests being those AWS sends.
 */
final class TestStateOperations {
    /** AWS: "The TestState API can run for up to five minutes", then fails with States.Timeout. */
    static final Duration LIMIT = Duration.ofMinutes(5);
    private static final List<String> LEVELS = List.of("INFO", "DEBUG", "TRACE");
    private static final List<String> VALIDATION_MODES = List.of("STRICT", "PRESENT", "NONE");

    private final Supplier<ExecutionEngine> engine;
    private final ObjectMapper mapper;
    private final Duration limit;

    TestStateOperations(Supplier<ExecutionEngine> engine, ObjectMapper mapper) {
        this(engine, mapper, LIMIT);
    }

    TestStateOperations(Supplier<ExecutionEngine> engine, ObjectMapper mapper, Duration limit) {
        this.engine = engine;
        this.mapper = mapper;
        this.limit = limit;
    }

    void register(Map<String, Operation> operations) {
        operations.put("TestState", this::testState);
    }

    private ObjectNode testState(ApiRequest request) throws Exception {
        String definition = request.requiredString("definition", 1, StateMachineOperations.MAX_DEFINITION);
        String roleArn = request.optionalString("roleArn", 256).map(StateMachineOperations::roleArn).orElse(null);
        JsonNode input = json(request.optionalString("input", ExecutionOperations.MAX_PAYLOAD).orElse("{}"), "input");
        String level = request.optionalString("inspectionLevel").orElse("INFO");
        if (!LEVELS.contains(level)) {
            throw ApiErrors.validation("inspectionLevel", "'" + level + "'", "Member must satisfy enum value set: " + LEVELS);
        }
        boolean revealSecrets = request.flag("revealSecrets");
        Map<String, JsonNode> variables = variables(request.optionalString("variables", ExecutionOperations.MAX_PAYLOAD));
        String stateName = request.optionalString("stateName", 80).orElse(null);
        if (stateName != null && stateName.isEmpty()) {
            throw ApiErrors.validation("stateName", "''", "Member must have length greater than or equal to 1");
        }
        ObjectNode context = request.optionalString("context", ExecutionOperations.MAX_PAYLOAD)
                .map(c -> jsonObject(c, "context")).orElse(null);
        int retrierRetryCount = request.optionalObject("stateConfiguration")
                .map(c -> new ApiRequest(request.operation(), c, request.region()))
                .flatMap(c -> c.optionalInt("retrierRetryCount", 0, Integer.MAX_VALUE)).orElse(0);

        State state = state(definition, stateName);
        MockedResponse mock = mock(request, state, revealSecrets);
        checkSupported(state, mock, roleArn);

        CompletableFuture<StateTestResult> run = engine.get().testState(new StateTestRequest(state, input, roleArn,
                request.region(), variables, context, mock, retrierRetryCount));
        StateTestResult result;
        try {
            result = run.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // the server is stopping: the run must not outlive the request
            run.cancel(false);
            throw e;
        } catch (TimeoutException e) {
            run.cancel(false);
            return object().put("error", "States.Timeout").put("cause", "The state ran longer than the "
                    + limit.toMinutes() + " minutes TestState allows").put("status", "FAILED");
        }
        return response(result, level);
    }

    private static State state(String definition, String stateName) {
        State state;
        try {
            state = StateMachineDefinition.testedState(definition, stateName);
        } catch (InvalidDefinitionException e) {
            throw new ApiException("InvalidDefinition", "Invalid State Machine Definition: '" + e.getMessage() + "'");
        }
        if (state == null) {
            throw new ApiException(ApiErrors.VALIDATION, "State not found in definition");
        }
        return state;
    }

    /** The request's mock, refused as AWS refuses it: both answers, secrets, or a state that calls nothing. */
    private MockedResponse mock(ApiRequest request, State state, boolean revealSecrets) {
        ObjectNode mock = request.optionalObject("mock").orElse(null);
        if (mock == null) {
            return null;
        }
        ApiRequest fields = new ApiRequest(request.operation(), mock, request.region());
        String result = fields.optionalString("result", ExecutionOperations.MAX_PAYLOAD).orElse(null);
        ObjectNode errorOutput = fields.optionalObject("errorOutput").orElse(null);
        String mode = fields.optionalString("fieldValidationMode").orElse("STRICT");
        if (!VALIDATION_MODES.contains(mode)) {
            throw ApiErrors.validation("mock.fieldValidationMode", "'" + mode + "'",
                    "Member must satisfy enum value set: " + VALIDATION_MODES);
        }
        if (result != null && errorOutput != null) {
            throw new ApiException(ApiErrors.VALIDATION,
                    "A test mock should have only one of the following fields: [result, errorOutput].");
        }
        if (revealSecrets) {
            throw new ApiException(ApiErrors.VALIDATION, "TestState does not support RevealSecrets when a mock is specified.");
        }
        if (!(state instanceof State.Task || state instanceof State.Map || state instanceof State.Parallel)) {
            throw new ApiException(ApiErrors.VALIDATION, "State type '" + state.type()
                    + "' is not supported when a mock is specified");
        }
        if (errorOutput != null) {
            ApiRequest error = new ApiRequest(request.operation(), errorOutput, request.region());
            return new MockedResponse.Throw(error.optionalString("error", 256).orElse(null),
                    error.optionalString("cause", 32_768).orElse(null));
        }
        if (result == null) {
            throw new ApiException(ApiErrors.VALIDATION, "A test mock should have one of the following fields: "
                    + "[result, errorOutput].");
        }
        JsonNode value;
        try {
            value = mapper.readTree(result);
        } catch (JsonProcessingException e) {
            throw new ApiException(ApiErrors.VALIDATION, "Mocked result must be valid JSON");
        }
        if (value == null || value.isMissingNode()) {
            throw new ApiException(ApiErrors.VALIDATION, "Mocked result must be valid JSON");
        }
        if ((state instanceof State.Map || state instanceof State.Parallel) && !value.isArray()) {
            throw new ApiException(ApiErrors.VALIDATION, "Mocked result must be an array.");
        }
        if (state instanceof State.Parallel p && value.size() != p.branches().size()) {
            throw new ApiException(ApiErrors.VALIDATION,
                    "Mocked result must contain the same number of items as number of Parallel branches.");
        }
        return new MockedResponse.Return(value);
    }

    /** What TestState runs only with a mock, and the role a real call needs. */
    private static void checkSupported(State state, MockedResponse mock, String roleArn) {
        if (mock != null) {
            return;
        }
        if (state instanceof State.Map || state instanceof State.Parallel) {
            throw new ApiException("InvalidDefinition", "TestState API does not support Map or Parallel states. "
                    + "Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]");
        }
        if (state instanceof State.Task task) {
            String resource = task.resource();
            boolean activity = resource.startsWith("arn:aws:states:") && resource.contains(":activity:");
            if (activity || resource.endsWith(".waitForTaskToken") || resource.endsWith(".sync")
                    || resource.endsWith(".sync:2")) {
                throw new ApiException(ApiErrors.VALIDATION, "TestState runs Activity tasks and the .sync and "
                        + ".waitForTaskToken integration patterns only with a mock: add \"mock\": {\"result\": "
                        + "\"...\"} or \"mock\": {\"errorOutput\": {...}} to test '" + resource + "'");
            }
            if (roleArn == null) {
                throw new ApiException(ApiErrors.VALIDATION, "RoleArn must be specified when testing a Task state");
            }
        }
    }

    private ObjectNode response(StateTestResult result, String level) {
        ObjectNode response = object();
        if (result.output() != null) {
            response.put("output", EventDetails.text(result.output()));
        }
        putIfPresent(response, "error", result.error());
        putIfPresent(response, "cause", result.cause());
        if (!level.equals("INFO")) {
            response.set("inspectionData", inspection(result.inspection(), level.equals("TRACE")));
        }
        putIfPresent(response, "nextState", result.nextState());
        response.put("status", result.status());
        return response;
    }

    private static ObjectNode inspection(StateTestResult.Inspection data, boolean trace) {
        ObjectNode out = object();
        putJson(out, "input", data.input());
        putJson(out, "afterInputPath", data.afterInputPath());
        putJson(out, "afterParameters", data.afterParameters());
        putJson(out, "afterArguments", data.afterArguments());
        putJson(out, "result", data.result());
        putJson(out, "afterResultSelector", data.afterResultSelector());
        putJson(out, "afterResultPath", data.afterResultPath());
        if (data.variables() != null) {
            ObjectNode variables = object();
            data.variables().forEach(variables::set);
            putJson(out, "variables", variables);
        }
        if (data.retryIndex() != null || data.catchIndex() != null) {
            ObjectNode details = out.putObject("errorDetails");
            if (data.catchIndex() != null) {
                details.put("catchIndex", data.catchIndex());
            }
            if (data.retryIndex() != null) {
                details.put("retryIndex", data.retryIndex());
                details.put("retryBackoffIntervalSeconds", data.retryBackoffIntervalSeconds());
            }
        }
        if (trace && data.request() != null) {
            out.set("request", data.request());
            out.set("response", data.response());
        }
        return out;
    }

    /** Inspection values travel as JSON text, as AWS sends them. */
    private static void putJson(ObjectNode node, String field, JsonNode value) {
        if (value != null) {
            node.put(field, EventDetails.text(value));
        }
    }

    private JsonNode json(String text, String field) {
        JsonNode json;
        try {
            json = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ApiException("InvalidExecutionInput", "Invalid State Machine Execution Input: '"
                    + e.getOriginalMessage() + "'" + WireValues.position(e) + ": '" + field
                    + "' must be a JSON text such as {\"key\": \"value\"}");
        }
        if (json == null || json.isMissingNode()) {
            throw new ApiException("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + field
                    + "' is empty; give a JSON text such as {} or omit the member");
        }
        return json;
    }

    private ObjectNode jsonObject(String text, String field) {
        JsonNode json;
        try {
            json = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            json = null;
        }
        if (!(json instanceof ObjectNode object)) {
            throw ApiErrors.validation(field, "'" + (text.length() > 64 ? text.substring(0, 61) + "..." : text) + "'",
                    "Member must be a JSON object such as {\"name\": \"value\"}");
        }
        return object;
    }

    private Map<String, JsonNode> variables(java.util.Optional<String> text) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        text.map(t -> jsonObject(t, "variables")).ifPresent(v -> v.fields()
                .forEachRemaining(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }
}
