package io.jenkins.plugins.stepfunctions.view;

import static io.jenkins.plugins.stepfunctions.view.HistoryEvents.details;
import static io.jenkins.plugins.stepfunctions.view.HistoryEvents.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays an execution's history over its definition's graph and says what happened to each state.
 * Events are attributed to states by following {@code previousEventId} (a task's events chain back to its
 * state's entry), which stays right when Parallel branches and Map iterations interleave.
 * One replay per view: feed the events in order, then ask for {@link #view()}.
 */
public final class HistoryReplay {
    /** Ids kept per state for its events list: a state in a Map of 10,000 items would otherwise carry 40,000. */
    public static final int EVENT_IDS_PER_STATE = 200;

    private final String executionArn;
    private final DefinitionGraph definition;
    private final double timeScale;
    private final Map<Long, String> ownerOf = new HashMap<>();
    private final Map<Long, String> kindOf = new HashMap<>();
    private final LinkedHashMap<String, Track> tracks = new LinkedHashMap<>();
    private final LinkedHashMap<String, Integer> transitions = new LinkedHashMap<>();
    /** Open Parallel and Map states, innermost last: the fallback when the definition is unknown. */
    private final ArrayDeque<String> openContainers = new ArrayDeque<>();
    private final Map<Long, String> approvalAt = new HashMap<>();
    private String status = "RUNNING";
    private Long startDate;
    private Long stopDate;
    private String error;
    private String cause;
    private String input;
    private String output;
    private long lastEventId;
    private int eventCount;

    /**
     * @param timeScale how the engine's Waits relate to the definition's (1 on AWS), for Wait wake-up times
     */
    public HistoryReplay(String executionArn, DefinitionGraph definition, double timeScale) {
        this.executionArn = executionArn;
        this.definition = definition;
        this.timeScale = timeScale <= 0 ? 1 : timeScale;
        definition.graph().nodes().forEach(this::register);
    }

    /** The view of a whole history at once. */
    public static ViewData replay(String executionArn, JsonNode definition, Iterable<JsonNode> events) {
        HistoryReplay replay = new HistoryReplay(executionArn, DefinitionGraph.of(definition), 1);
        events.forEach(replay::accept);
        return replay.view();
    }

    private void register(NodeView node) {
        tracks.putIfAbsent(node.name(), new Track(node.name(), node.type()));
        node.children().forEach(g -> g.nodes().forEach(this::register));
    }

    public void accept(JsonNode event) {
        String type = HistoryEvents.type(event);
        long id = HistoryEvents.id(event);
        Long prev = HistoryEvents.previous(event);
        Long t = HistoryEvents.timestamp(event);
        JsonNode d = details(event);
        eventCount++;
        lastEventId = Math.max(lastEventId, id);
        kindOf.put(id, type);
        String inherited = prev == null ? null : ownerOf.get(prev);
        if (type.startsWith("Execution")) {
            execution(type, d, t);
            return;
        }
        String owner;
        if (type.endsWith("StateEntered")) {
            owner = text(d, "name");
            if (owner != null && prev != null && "StateExited".equals(suffix(kindOf.get(prev)))) {
                transitions.merge(inherited + "\u0000" + owner, 1, Integer::sum);
            }
            entered(track(owner, type.substring(0, type.length() - "StateEntered".length())), d, t);
        } else if (type.endsWith("StateExited")) {
            owner = text(d, "name");
            exited(track(owner, type.substring(0, type.length() - "StateExited".length())), d, t);
        } else if (type.startsWith("MapIteration")) {
            owner = text(d, "name");
            iteration(track(owner, "Map"), type, inherited);
        } else if (type.startsWith("Map") || type.startsWith("Parallel")) {
            owner = container(type, inherited);
            if (owner != null) {
                structure(track(owner, type.startsWith("Map") ? "Map" : "Parallel"), type, d);
            }
        } else {
            owner = inherited;
            if (owner != null) {
                task(track(owner, null), type, id, prev, d, t);
            }
        }
        if (owner != null) {
            ownerOf.put(id, owner);
            tracks.get(owner).event(id);
        }
    }

    private static String suffix(String type) {
        return type != null && type.endsWith("StateExited") ? "StateExited" : type;
    }

    private Track track(String name, String type) {
        return tracks.computeIfAbsent(name, n -> new Track(n, type == null ? "" : type));
    }

    private void execution(String type, JsonNode d, Long t) {
        switch (type) {
            case "ExecutionStarted" -> {
                startDate = t;
                input = text(d, "input");
            }
            case "ExecutionSucceeded" -> {
                status = "SUCCEEDED";
                stopDate = t;
                output = text(d, "output");
            }
            case "ExecutionFailed", "ExecutionTimedOut", "ExecutionAborted" -> {
                status = switch (type) {
                    case "ExecutionFailed" -> "FAILED";
                    case "ExecutionTimedOut" -> "TIMED_OUT";
                    default -> "ABORTED";
                };
                stopDate = t;
                error = text(d, "error");
                cause = text(d, "cause");
                // what was still running ends with the execution
                StateStatus end = type.equals("ExecutionAborted") ? StateStatus.ABORTED : StateStatus.FAILED;
                tracks.values().stream().filter(s -> s.open > 0).forEach(s -> s.endOpen(end, error, cause, t));
            }
            default -> {
                // ExecutionRedriven and the like change no state
            }
        }
    }

    private void entered(Track s, JsonNode d, Long t) {
        s.entries++;
        s.open++;
        s.attempts = 0;
        s.failedInEntry = false;
        s.error = null;
        s.cause = null;
        s.approval = null;
        s.input = text(d, "input");
        s.output = null;
        s.enteredAt = t;
        s.exitedAt = null;
        s.status = StateStatus.RUNNING;
        if (s.type.equals("Fail")) {
            // no event carries a Fail state's error; its definition does (unless it computes it)
            definition.state(s.name).ifPresent(def -> {
                s.error = text(def, "Error");
                s.cause = text(def, "Cause");
            });
            s.failedInEntry = true;
            s.status = StateStatus.FAILED;
        } else if (s.type.equals("Wait")) {
            s.status = StateStatus.WAITING;
            s.waitUntil = WaitTimes.wakeUp(definition.state(s.name).orElse(null), t, s.input, timeScale);
        }
    }

    private void exited(Track s, JsonNode d, Long t) {
        s.open = Math.max(0, s.open - 1);
        s.output = text(d, "output");
        s.exitedAt = t;
        s.waitUntil = null;
        s.approval = null;
        s.status = s.failedInEntry ? StateStatus.CAUGHT : StateStatus.SUCCEEDED;
        if (s.open > 0) {
            // other Map iterations are still in this state
            s.status = StateStatus.RUNNING;
        }
    }

    private void task(Track s, String type, long id, Long prev, JsonNode d, Long t) {
        if (type.endsWith("Scheduled")) {
            s.attempts++;
            if (s.attempts > 1) {
                // the failure before was retried, not caught: only the last attempt decides
                s.retries++;
                s.failedInEntry = false;
                s.error = null;
                s.cause = null;
                s.status = StateStatus.RETRYING;
            }
            ApprovalWait approval = Approvals.of(type, id, d, t);
            if (approval != null) {
                s.approval = approval;
                s.status = StateStatus.APPROVAL_PENDING;
                approvalAt.put(id, s.name);
            }
        } else if (type.endsWith("Failed") || type.endsWith("TimedOut")) {
            s.failedInEntry = true;
            s.error = text(d, "error");
            s.cause = text(d, "cause");
            s.approval = null;
            s.status = StateStatus.FAILED;
        } else if (type.endsWith("Succeeded")) {
            s.approval = null;
            if (s.status == StateStatus.APPROVAL_PENDING) {
                s.status = StateStatus.RUNNING;
            }
        }
    }

    /** The Parallel or Map state an event of that type belongs to. */
    private String container(String type, String inherited) {
        String wanted = type.startsWith("Map") ? "Map" : "Parallel";
        if (type.endsWith("StateStarted")) {
            openContainers.addLast(String.valueOf(inherited));
            return inherited;
        }
        String found = null;
        for (String s = inherited; s != null; s = definition.parent(s).orElse(null)) {
            Track track = tracks.get(s);
            if (track != null && track.type.equals(wanted) && definition.contains(s)) {
                found = s;
                break;
            }
        }
        if (found == null) {
            found = openContainers.peekLast();
        }
        openContainers.removeLastOccurrence(found);
        return found;
    }

    private void structure(Track s, String type, JsonNode d) {
        if (type.equals("MapStateStarted")) {
            s.items += d.path("length").asLong(0);
        } else if (type.endsWith("StateFailed") || type.endsWith("StateAborted")) {
            s.failedInEntry = true;
            s.status = StateStatus.FAILED;
            // AWS puts the error on the state inside that failed, not on the Map or Parallel
            Track inner = innerFailure(s.name);
            if (inner != null) {
                s.error = inner.error;
                s.cause = inner.cause;
            }
            StateStatus others = StateStatus.ABORTED;
            descendants(s.name).stream().filter(c -> c.open > 0)
                    .forEach(c -> c.endOpen(c.failedInEntry ? StateStatus.FAILED : others, null, null, null));
        }
    }

    private void iteration(Track map, String type, String inherited) {
        switch (type) {
            case "MapIterationStarted" -> map.started++;
            case "MapIterationSucceeded" -> map.succeeded++;
            case "MapIterationFailed", "MapIterationAborted" -> {
                if (type.endsWith("Failed")) {
                    map.failed++;
                } else {
                    map.aborted++;
                }
                Track where = inherited == null ? null : tracks.get(inherited);
                if (where != null && where.open > 0) {
                    where.open--;
                    where.status = where.failedInEntry ? StateStatus.FAILED : StateStatus.ABORTED;
                }
            }
            default -> {
            }
        }
    }

    private Track innerFailure(String container) {
        Track last = null;
        for (Track t : descendants(container)) {
            if (t.failedInEntry && t.error != null) {
                last = t;
            }
        }
        return last;
    }

    private List<Track> descendants(String container) {
        List<Track> out = new ArrayList<>();
        for (Track t : tracks.values()) {
            for (String p = definition.parent(t.name).orElse(null); p != null; p = definition.parent(p).orElse(null)) {
                if (p.equals(container)) {
                    out.add(t);
                    break;
                }
            }
        }
        return out;
    }

    /** The view as of the events accepted so far. */
    public ViewData view() {
        Map<String, StateView> states = new LinkedHashMap<>();
        tracks.values().forEach(t -> states.put(t.name, t.view()));
        List<Transition> taken = new ArrayList<>();
        transitions.forEach((k, n) -> {
            int sep = k.indexOf('\u0000');
            taken.add(new Transition(k.substring(0, sep), k.substring(sep + 1), n));
        });
        String name = executionArn == null ? null : executionArn.substring(executionArn.lastIndexOf(':') + 1);
        return new ViewData(new ExecutionSummary(executionArn, name, eventCount == 0 ? null : status, startDate,
                stopDate, error, cause, input, output), definition.graph(), states, taken, lastEventId, eventCount);
    }

    /** The pending approval opened by a TaskScheduled event, if that event opened one and it is still open. */
    public Optional<String> approvalState(long scheduledEventId) {
        String state = approvalAt.get(scheduledEventId);
        Track t = state == null ? null : tracks.get(state);
        return t != null && t.approval != null && t.approval.scheduledEventId() == scheduledEventId
                ? Optional.of(state) : Optional.empty();
    }

    /** One state's running tally while the history is replayed. */
    private static final class Track {
        final String name;
        final String type;
        StateStatus status = StateStatus.NOT_REACHED;
        int entries;
        int open;
        int attempts;
        int retries;
        boolean failedInEntry;
        String input;
        String output;
        String error;
        String cause;
        Long enteredAt;
        Long exitedAt;
        Long waitUntil;
        ApprovalWait approval;
        long items;
        long started;
        long succeeded;
        long failed;
        long aborted;
        final ArrayDeque<Long> eventIds = new ArrayDeque<>();

        Track(String name, String type) {
            this.name = name;
            this.type = type;
        }

        void event(long id) {
            eventIds.addLast(id);
            if (eventIds.size() > EVENT_IDS_PER_STATE) {
                eventIds.removeFirst();
            }
        }

        void endOpen(StateStatus end, String error, String cause, Long at) {
            open = 0;
            waitUntil = null;
            approval = null;
            status = failedInEntry ? StateStatus.FAILED : end;
            if (this.error == null && end == StateStatus.FAILED) {
                this.error = error;
                this.cause = cause;
            }
            if (exitedAt == null || (enteredAt != null && exitedAt < enteredAt)) {
                exitedAt = at;
            }
        }

        StateView view() {
            Long duration = enteredAt == null || exitedAt == null || exitedAt < enteredAt ? null : exitedAt - enteredAt;
            return new StateView(name, type, status, entries, Math.max(attempts, entries > 0 ? 1 : 0), retries,
                    input, output, error, cause, enteredAt, exitedAt, duration, waitUntil, approval,
                    type.equals("Map") ? new MapCounts(items, started, succeeded, failed, aborted) : null,
                    List.copyOf(eventIds));
        }
    }
}
