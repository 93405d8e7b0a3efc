package io.jenkins.plugins.stepfunctions.bridge.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Finds approvals in an execution's history and notices when they close. Serialisable with the
 * follower: the set of answered approvals is what guarantees that none is answered twice.
 */
public final class ApprovalTracker implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SEARCH_DEPTH = 6;

    /** A change the follower reports to its listener. */
    public sealed interface Change {
        PendingApproval approval();
    }

    public record Opened(PendingApproval approval) implements Change {
    }

    public record Closed(PendingApproval approval, String reason) implements Change {
    }

    private final String executionArn;
    private final ApprovalRules rules;
    private final LinkedHashMap<Long, PendingApproval> pending = new LinkedHashMap<>();
    private final Set<String> answered = new HashSet<>();
    /**
     * TaskStarted/TaskSubmitted/ActivityStarted event id -> the scheduled event it belongs to, and
     * event id -> state name. A task's events follow its state's entry closely, so the most recent
     * few thousand are enough; older ones are dropped to keep a long history's state small.
     */
    private final Map<Long, Long> scheduledOf = recent();
    private final Map<Long, String> stateOf = recent();

    private static final int REMEMBERED_EVENTS = 1024;

    private static <V> Map<Long, V> recent() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
                return size() > REMEMBERED_EVENTS;
            }
        };
    }

    public ApprovalTracker(String executionArn, ApprovalRules rules) {
        this.executionArn = executionArn;
        this.rules = rules == null ? ApprovalRules.conventionOnly() : rules;
    }

    /** Written under this tracker's lock: an answer from another thread may claim an approval meanwhile. */
    @java.io.Serial
    private synchronized void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        out.defaultWriteObject();
    }

    public synchronized Collection<PendingApproval> pending() {
        return List.copyOf(pending.values());
    }

    /** Marks an approval answered; false if it was already (so the caller must not send anything). */
    public synchronized boolean claim(String approvalId) {
        return answered.add(approvalId);
    }

    /** The answer did not get through: the approval can be answered again. */
    public synchronized void release(String approvalId) {
        answered.remove(approvalId);
    }

    public synchronized boolean isAnswered(String approvalId) {
        return answered.contains(approvalId);
    }

    public synchronized void update(PendingApproval approval) {
        pending.computeIfPresent(approval.scheduledEventId(), (k, v) -> approval);
    }

    public synchronized List<Change> observe(HistoryEvent e) {
        List<Change> changes = new ArrayList<>();
        String type = e.typeAsString();
        Long prev = e.previousEventId();
        if (type.equals("TaskStateEntered")) {
            stateOf.put(e.id(), e.stateEnteredEventDetails().name());
        } else if (type.equals("TaskScheduled") || type.equals("ActivityScheduled")) {
            String state = prev == null ? null : stateOf.get(prev);
            if (state == null && prev != null) {
                // a retried task: its previous event is the failure of the attempt before
                Long sched = scheduledOf.get(prev);
                state = sched == null ? null : stateOf.get(sched);
            }
            stateOf.put(e.id(), state);
            PendingApproval found = type.equals("TaskScheduled") ? fromTask(e, state) : fromActivity(e, state);
            if (found != null) {
                pending.put(e.id(), found);
                changes.add(new Opened(found));
            }
        } else if (type.equals("TaskStarted") || type.equals("TaskSubmitted") || type.equals("ActivityStarted")) {
            Long sched = prev == null ? null : (pending.containsKey(prev) || stateOf.containsKey(prev) ? prev : scheduledOf.get(prev));
            if (sched != null) {
                scheduledOf.put(e.id(), sched);
            }
        } else if (isTaskEnd(type)) {
            Long sched = prev == null ? null : (scheduledOf.containsKey(prev) ? scheduledOf.get(prev) : prev);
            if (sched != null) {
                scheduledOf.put(e.id(), sched);
                PendingApproval closed = pending.remove(sched);
                if (closed != null) {
                    changes.add(new Closed(closed, closeReason(type, closed)));
                }
            }
        } else if (type.endsWith("StateExited")) {
            String name = e.stateExitedEventDetails().name();
            pending.values().removeIf(p -> {
                boolean match = p.state() != null && p.state().equals(name);
                if (match) {
                    changes.add(new Closed(p, "state " + name + " exited"));
                }
                return match;
            });
        } else if (type.startsWith("Execution") && !type.equals("ExecutionStarted") && !type.equals("ExecutionRedriven")) {
            for (PendingApproval p : pending.values()) {
                changes.add(new Closed(p, "the execution ended (" + type.substring("Execution".length()) + ")"));
            }
            pending.clear();
        }
        return changes;
    }

    private String closeReason(String type, PendingApproval p) {
        if (answered.contains(p.id())) {
            return type.endsWith("Succeeded") ? "approved" : "rejected";
        }
        if (type.endsWith("TimedOut")) {
            return "timed out";
        }
        return "answered elsewhere (" + type + ")";
    }

    private static boolean isTaskEnd(String type) {
        return (type.startsWith("Task") || type.startsWith("Activity"))
                && (type.endsWith("Succeeded") || type.endsWith("Failed") || type.endsWith("TimedOut"));
    }

    private PendingApproval fromTask(HistoryEvent e, String state) {
        var d = e.taskScheduledEventDetails();
        if (d == null || d.resource() == null || !d.resource().endsWith(".waitForTaskToken")) {
            return null;
        }
        JsonNode params = parse(d.parameters());
        String token = params == null ? null : findToken(params, 0);
        if (token == null) {
            return null;
        }
        JsonNode approval = findApproval(params, 0);
        boolean named = state != null && rules.stateNames().contains(state);
        if (approval == null && !named) {
            return null;
        }
        Instant deadline = d.timeoutInSeconds() == null ? null : e.timestamp().plusSeconds(d.timeoutInSeconds());
        int heartbeat = d.heartbeatInSeconds() == null ? 0 : d.heartbeatInSeconds().intValue();
        return build(e, state, approval == null ? PendingApproval.Source.STATE_NAME : PendingApproval.Source.CONVENTION,
                approval, deadline, heartbeat, Secret.of(token), null, null);
    }

    private PendingApproval fromActivity(HistoryEvent e, String state) {
        var d = e.activityScheduledEventDetails();
        if (d == null || !rules.activityArns().contains(d.resource())) {
            return null;
        }
        JsonNode input = parse(d.input());
        JsonNode approval = input == null ? null : findApproval(input, 0);
        Instant deadline = d.timeoutInSeconds() == null ? null : e.timestamp().plusSeconds(d.timeoutInSeconds());
        int heartbeat = d.heartbeatInSeconds() == null ? 0 : d.heartbeatInSeconds().intValue();
        return build(e, state, PendingApproval.Source.ACTIVITY, approval, deadline, heartbeat, null, d.resource(), d.input());
    }

    private PendingApproval build(HistoryEvent e, String state, PendingApproval.Source source, JsonNode approval,
                                  Instant deadline, int heartbeat, Secret token, String activityArn, String activityInput) {
        String message = approval != null && approval.hasNonNull("message") ? approval.get("message").asText()
                : "Approve " + (state == null ? "this step" : state) + "?";
        List<String> submitters = new ArrayList<>();
        JsonNode sub = approval == null ? null : approval.get("submitter");
        if (sub == null && approval != null) {
            sub = approval.get("submitters");
        }
        if (sub != null && sub.isArray()) {
            sub.forEach(s -> submitters.add(s.asText().trim()));
        } else if (sub != null && sub.isTextual()) {
            for (String s : sub.asText().split(",")) {
                if (!s.isBlank()) {
                    submitters.add(s.trim());
                }
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode meta = approval == null ? null : approval.get("metadata");
        if (meta != null && meta.isObject()) {
            meta.fields().forEachRemaining(f -> metadata.put(f.getKey(), f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString()));
        }
        JsonNode parameters = approval != null && approval.has("parameters") ? approval.get("parameters") : JSON.createObjectNode();
        return new PendingApproval(executionArn + "#" + e.id(), executionArn, state, e.id(), source, message, submitters,
                parameters, metadata, e.timestamp(), deadline, heartbeat, token, activityArn, activityInput);
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A string field named like a task token; SQS and SNS bodies are often JSON inside a string. */
    static String findToken(JsonNode node, int depth) {
        if (depth > SEARCH_DEPTH || node == null) {
            return null;
        }
        if (node.isObject()) {
            var it = node.fields();
            while (it.hasNext()) {
                var f = it.next();
                String key = f.getKey().toLowerCase();
                if ((key.equals("tasktoken") || key.equals("token")) && f.getValue().isTextual()) {
                    return f.getValue().asText();
                }
            }
            it = node.fields();
            while (it.hasNext()) {
                String found = findToken(embedded(it.next().getValue()), depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static JsonNode findApproval(JsonNode node, int depth) {
        if (depth > SEARCH_DEPTH || node == null || !node.isObject()) {
            return null;
        }
        JsonNode direct = node.get("approval");
        if (direct != null && direct.isObject()) {
            return direct;
        }
        var it = node.fields();
        while (it.hasNext()) {
            JsonNode found = findApproval(embedded(it.next().getValue()), depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static JsonNode embedded(JsonNode value) {
        if (value.isTextual() && value.asText().trim().startsWith("{")) {
            JsonNode parsed = parse(value.asText());
            return parsed == null ? value : parsed;
        }
        return value;
    }
}
