package io.jenkins.plugins.stepfunctions.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A large execution for measuring the view: 200 states (199 tasks and a Choice that loops back) and a history
 * of 25,000 events (25 passes through the loop, five events per task), shaped as AWS writes them.
 */
public final class LargeExecution {
    public static final int STATES = 200;
    public static final int EVENTS = 25_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LargeExecution() {
    }

    public static JsonNode definition() {
        ObjectNode machine = JSON.createObjectNode().put("StartAt", "Task001");
        ObjectNode states = machine.putObject("States");
        for (int i = 1; i < STATES; i++) {
            ObjectNode s = states.putObject(name(i)).put("Type", "Task").put("Resource", "arn:aws:states:::lambda:invoke")
                    .put("Next", i + 1 < STATES ? name(i + 1) : "Again");
            s.putArray("Retry").addObject().put("MaxAttempts", 2).putArray("ErrorEquals").add("States.TaskFailed");
        }
        ObjectNode again = states.putObject("Again").put("Type", "Choice").put("Default", "Done");
        again.putArray("Choices").addObject().put("Variable", "$.pass").put("NumericLessThan", 25).put("Next", "Task001");
        states.putObject("Done").put("Type", "Succeed");
        return machine;
    }

    public static List<JsonNode> history() {
        List<JsonNode> events = new ArrayList<>(EVENTS);
        long[] id = {0};
        long t = 1_700_000_000_000L;
        long prev = add(events, id, t, "ExecutionStarted", 0, "executionStartedEventDetails",
                JSON.createObjectNode().put("input", "{\"pass\":0}"));
        while (events.size() + 5 <= EVENTS - 1) {
            for (int i = 1; i < STATES && events.size() + 5 <= EVENTS - 1; i++) {
                String name = name(i);
                long entered = add(events, id, t += 3, "TaskStateEntered", prev, "stateEnteredEventDetails",
                        JSON.createObjectNode().put("name", name).put("input", "{\"pass\":1}"));
                long scheduled = add(events, id, t += 1, "TaskScheduled", entered, "taskScheduledEventDetails",
                        JSON.createObjectNode().put("resource", "invoke").put("resourceType", "lambda").put("parameters", "{}"));
                long started = add(events, id, t += 1, "TaskStarted", scheduled, null, null);
                long succeeded = add(events, id, t += 5, "TaskSucceeded", started, "taskSucceededEventDetails",
                        JSON.createObjectNode().put("output", "{\"ok\":true}"));
                prev = add(events, id, t += 1, "TaskStateExited", succeeded, "stateExitedEventDetails",
                        JSON.createObjectNode().put("name", name).put("output", "{\"pass\":1}"));
            }
        }
        while (events.size() < EVENTS) {
            prev = add(events, id, t += 1, "ChoiceStateEntered", prev, "stateEnteredEventDetails",
                    JSON.createObjectNode().put("name", "Again").put("input", "{}"));
        }
        return events;
    }

    private static long add(List<JsonNode> events, long[] id, long t, String type, long prev, String field, ObjectNode details) {
        ObjectNode e = JSON.createObjectNode().put("timestamp", t / 1000.0).put("type", type).put("id", ++id[0]);
        e.put("previousEventId", prev);
        if (field != null) {
            e.set(field, details);
        }
        events.add(e);
        return id[0];
    }

    private static String name(int i) {
        return String.format("Task%03d", i);
    }
}
