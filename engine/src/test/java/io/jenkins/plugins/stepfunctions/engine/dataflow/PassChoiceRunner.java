package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import java.util.HashMap;
import java.util.Map;

/**
 * Just enough of an interpreter to run a recorded definition made of Pass and Choice states through
 * the dataflow functions (the real interpreter lives in engine.run; this one exists so the functions
 * are checked against AWS's recordings on their own).
 */
final class PassChoiceRunner {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The final output, or the StatesException the execution failed with. */
    record Outcome(JsonNode output, StatesException failure) {
    }

    private final JsonNode definition;
    private final JsonNode executionInput;
    private final Map<String, JsonNode> variables = new HashMap<>();

    PassChoiceRunner(JsonNode definition, JsonNode executionInput) {
        this.definition = definition;
        this.executionInput = executionInput;
    }

    Outcome run() {
        JsonNode data = executionInput;
        String name = definition.get("StartAt").asText();
        try {
            for (int transitions = 0; transitions < 100; transitions++) {
                JsonNode state = definition.get("States").get(name);
                boolean jsonata = "JSONata".equals(text(state, "QueryLanguage",
                        text(definition, "QueryLanguage", "JSONPath")));
                JsonNode context = context(name);
                String next;
                if ("Choice".equals(state.get("Type").asText())) {
                    next = jsonata ? choiceJsonata(state, data, context) : choiceJsonPath(state, data, context);
                    if (!jsonata) {
                        data = outputPath(state, inputPath(state, data, context), context);
                    } else if (state.has("Output")) {
                        data = JsonataExpressions.resolve(state.get("Output"), jsonataScope(data, context, null));
                    }
                } else {
                    data = jsonata ? passJsonata(state, data, context) : passJsonPath(state, data, context);
                    next = state.has("Next") ? state.get("Next").asText() : null;
                }
                if (next == null) {
                    return new Outcome(data, null);
                }
                name = next;
            }
            throw new IllegalStateException("too many transitions");
        } catch (StatesException e) {
            return new Outcome(null, e);
        }
    }

    private JsonNode passJsonPath(JsonNode state, JsonNode rawInput, JsonNode context) {
        JsonNode input = inputPath(state, rawInput, context);
        if (state.has("Parameters")) {
            input = PayloadTemplates.resolve(state.get("Parameters"), new PathScope(input, context, variables));
        }
        JsonNode result = state.has("Result") ? state.get("Result") : input;
        assignJsonPath(state.get("Assign"), result, context);
        String resultPath = state.has("ResultPath")
                ? (state.get("ResultPath").isNull() ? null : state.get("ResultPath").asText()) : "$";
        JsonNode output = JsonPaths.applyResultPath(rawInput, resultPath, result);
        return outputPath(state, output, context);
    }

    private String choiceJsonPath(JsonNode state, JsonNode rawInput, JsonNode context) {
        JsonNode input = inputPath(state, rawInput, context);
        PathScope scope = new PathScope(input, context, variables);
        for (JsonNode rule : state.get("Choices")) {
            if (ChoiceRules.matches(rule, scope)) {
                assignJsonPath(rule.get("Assign"), input, context);
                return rule.get("Next").asText();
            }
        }
        return defaultOf(state, () -> assignJsonPath(state.get("Assign"), input, context));
    }

    private void assignJsonPath(JsonNode assign, JsonNode input, JsonNode context) {
        if (assign != null) {
            JsonNode values = PayloadTemplates.resolve(assign, new PathScope(input, context, variables));
            values.fields().forEachRemaining(field -> variables.put(field.getKey(), field.getValue()));
        }
    }

    private JsonNode passJsonata(JsonNode state, JsonNode input, JsonNode context) {
        JsonataScope scope = jsonataScope(input, context, null);
        JsonNode output = state.has("Output")
                ? JsonataExpressions.resolve(state.get("Output"), scope, "Output") : input;
        assignJsonata(state.get("Assign"), scope);
        return output;
    }

    private String choiceJsonata(JsonNode state, JsonNode input, JsonNode context) {
        JsonataScope scope = jsonataScope(input, context, null);
        for (JsonNode rule : state.get("Choices")) {
            if (JsonataExpressions.resolve(rule.get("Condition"), scope, "Condition").asBoolean()) {
                assignJsonata(rule.get("Assign"), scope);
                return rule.get("Next").asText();
            }
        }
        return defaultOf(state, () -> assignJsonata(state.get("Assign"), scope));
    }

    private void assignJsonata(JsonNode assign, JsonataScope scope) {
        if (assign != null) {
            JsonNode values = JsonataExpressions.resolve(assign, scope, "Assign");
            values.fields().forEachRemaining(field -> variables.put(field.getKey(), field.getValue()));
        }
    }

    private static String defaultOf(JsonNode state, Runnable assign) {
        if (!state.has("Default")) {
            throw new StatesException(StatesException.NO_CHOICE_MATCHED, "No Choice Rules matched");
        }
        assign.run();
        return state.get("Default").asText();
    }

    private JsonataScope jsonataScope(JsonNode input, JsonNode context, JsonNode result) {
        ObjectNode states = NODES.objectNode();
        states.set("input", input);
        states.set("context", context);
        if (result != null) {
            states.set("result", result);
        }
        return new JsonataScope(states, Map.copyOf(variables));
    }

    private JsonNode inputPath(JsonNode state, JsonNode input, JsonNode context) {
        return selectPath(state, "InputPath", input, context);
    }

    private JsonNode outputPath(JsonNode state, JsonNode output, JsonNode context) {
        return selectPath(state, "OutputPath", output, context);
    }

    private JsonNode selectPath(JsonNode state, String field, JsonNode data, JsonNode context) {
        if (!state.has(field)) {
            return data;
        }
        if (state.get(field).isNull()) {
            return NODES.objectNode();
        }
        String path = state.get(field).asText();
        JsonNode value = JsonPaths.read(path, new PathScope(data, context, variables));
        if (value == null) {
            throw JsonPaths.invalidPath(path, new PathScope(data, context, variables));
        }
        return value;
    }

    private JsonNode context(String stateName) {
        ObjectNode context = NODES.objectNode();
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", "arn:aws:states:us-east-1:111111111111:execution:machine:run");
        execution.set("Input", executionInput);
        execution.put("StartTime", "2024-01-01T00:00:00.000Z");
        execution.put("Name", "run");
        execution.put("RoleArn", "snf_role_arn");
        execution.put("RedriveCount", 0);
        ObjectNode state = context.putObject("State");
        state.put("EnteredTime", "2024-01-01T00:00:00.000Z");
        state.put("Name", stateName);
        ObjectNode machine = context.putObject("StateMachine");
        machine.put("Id", "arn:aws:states:us-east-1:111111111111:stateMachine:machine");
        machine.put("Name", "machine-name");
        return context;
    }

    private static String text(JsonNode node, String field, String fallback) {
        return node.has(field) ? node.get(field).asText() : fallback;
    }

}
