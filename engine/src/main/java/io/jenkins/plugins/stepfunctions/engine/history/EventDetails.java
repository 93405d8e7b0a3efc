package io.jenkins.plugins.stepfunctions.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Builds the {@code *EventDetails} members exactly as GetExecutionHistory returns them: JSON
 * payloads as compact JSON text, each with its {@code *Details: {truncated: false}} companion;
 * absent values left out rather than null.
 */
public final class EventDetails {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Shared by every event: a finished execution keeps its history, so companions cost nothing. */
    private static final ObjectNode NOT_TRUNCATED = NODES.objectNode().put("truncated", false);

    private EventDetails() {
    }

    /** Compact JSON text of a value, as AWS writes payloads into history and DescribeExecution. */
    public static String text(JsonNode value) {
        String text = value == null ? null : CompactJson.write(value);
        if (text != null) {
            return text;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    public static ObjectNode executionStarted(String input, String roleArn) {
        ObjectNode d = NODES.objectNode();
        d.put("input", input);
        d.set("inputDetails", notTruncated());
        d.put("roleArn", roleArn);
        return d;
    }

    public static ObjectNode output(String output) {
        ObjectNode d = NODES.objectNode();
        d.put("output", output);
        d.set("outputDetails", notTruncated());
        return d;
    }

    /** error/cause details (ExecutionFailed, TaskFailed, ActivityFailed ...); null members left out. */
    public static ObjectNode errorCause(String error, String cause) {
        ObjectNode d = NODES.objectNode();
        if (error != null) {
            d.put("error", error);
        }
        if (cause != null) {
            d.put("cause", cause);
        }
        return d;
    }

    public static ObjectNode stateEntered(String name, String input) {
        ObjectNode d = NODES.objectNode();
        d.put("name", name);
        d.put("input", input);
        d.set("inputDetails", notTruncated());
        return d;
    }

    /** @param assigned variable name -> value as JSON text, or null when the state assigns nothing */
    public static ObjectNode stateExited(String name, String output, Map<String, String> assigned) {
        ObjectNode d = NODES.objectNode();
        d.put("name", name);
        d.put("output", output);
        d.set("outputDetails", notTruncated());
        if (assigned != null) {
            ObjectNode vars = d.putObject("assignedVariables");
            assigned.forEach(vars::put);
            d.set("assignedVariablesDetails", notTruncated());
        }
        return d;
    }

    public static ObjectNode taskScheduled(String resourceType, String resource, String region, String parameters,
                                           Long timeoutSeconds, Long heartbeatSeconds) {
        ObjectNode d = NODES.objectNode();
        d.put("resourceType", resourceType);
        d.put("resource", resource);
        d.put("region", region);
        d.put("parameters", parameters);
        if (timeoutSeconds != null) {
            d.put("timeoutInSeconds", timeoutSeconds);
        }
        if (heartbeatSeconds != null) {
            d.put("heartbeatInSeconds", heartbeatSeconds);
        }
        return d;
    }

    public static ObjectNode resource(String resourceType, String resource) {
        ObjectNode d = NODES.objectNode();
        d.put("resourceType", resourceType);
        d.put("resource", resource);
        return d;
    }

    public static ObjectNode resourceOutput(String resourceType, String resource, String output) {
        ObjectNode d = resource(resourceType, resource);
        d.put("output", output);
        d.set("outputDetails", notTruncated());
        return d;
    }

    public static ObjectNode resourceError(String resourceType, String resource, String error, String cause) {
        ObjectNode d = resource(resourceType, resource);
        d.setAll(errorCause(error, cause));
        return d;
    }

    public static ObjectNode activityScheduled(String resource, String input, Long timeoutSeconds,
                                               Long heartbeatSeconds) {
        ObjectNode d = NODES.objectNode();
        d.put("resource", resource);
        d.put("input", input);
        d.set("inputDetails", notTruncated());
        if (timeoutSeconds != null) {
            d.put("timeoutInSeconds", timeoutSeconds);
        }
        if (heartbeatSeconds != null) {
            d.put("heartbeatInSeconds", heartbeatSeconds);
        }
        return d;
    }

    public static ObjectNode lambdaScheduled(String resource, String input, Long timeoutSeconds) {
        ObjectNode d = NODES.objectNode();
        d.put("resource", resource);
        d.put("input", input);
        d.set("inputDetails", notTruncated());
        if (timeoutSeconds != null) {
            d.put("timeoutInSeconds", timeoutSeconds);
        }
        return d;
    }

    public static ObjectNode workerName(String workerName) {
        ObjectNode d = NODES.objectNode();
        if (workerName != null) {
            d.put("workerName", workerName);
        }
        return d;
    }

    public static ObjectNode mapStarted(int length) {
        ObjectNode d = NODES.objectNode();
        d.put("length", length);
        return d;
    }

    public static ObjectNode mapIteration(String name, int index) {
        ObjectNode d = NODES.objectNode();
        d.put("name", name);
        d.put("index", index);
        return d;
    }

    public static ObjectNode mapRunStarted(String mapRunArn) {
        ObjectNode d = NODES.objectNode();
        d.put("mapRunArn", mapRunArn);
        return d;
    }

    public static ObjectNode mapRunRedriven(String mapRunArn, int redriveCount) {
        ObjectNode d = NODES.objectNode();
        d.put("mapRunArn", mapRunArn);
        d.put("redriveCount", redriveCount);
        return d;
    }

    public static ObjectNode evaluationFailed(String error, String cause, String location, String state) {
        ObjectNode d = errorCause(error, cause);
        if (location != null) {
            d.put("location", location);
        }
        d.put("state", state);
        return d;
    }

    public static ObjectNode redriven(int redriveCount) {
        ObjectNode d = NODES.objectNode();
        d.put("redriveCount", redriveCount);
        return d;
    }

    private static ObjectNode notTruncated() {
        return NOT_TRUNCATED;
    }
}
