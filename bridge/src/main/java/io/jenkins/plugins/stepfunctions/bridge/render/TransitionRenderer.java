package io.jenkins.plugins.stepfunctions.bridge.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Turns history events into the lines a person reads at a glance. Stateful (durations, attempts,
 * structure), and serialisable so that a follower restarted from a saved state keeps rendering where it
 * stopped. Events inside Map iterations are summarised as progress, not printed one by one.
 */
public final class TransitionRenderer implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("UTC"));
    private static final int MAX_ITERATION_FAILURES_SHOWN = 3;
    private static final int MAX_SUMMARY_STATES = 40;

    /** Which state each event belongs to, by following previousEventId; pruned when a state exits. */
    private final Map<Long, String> ownerOfEvent = new HashMap<>();
    private final Map<String, List<Long>> eventsOfState = new HashMap<>();
    private final Map<String, Instant> enteredAt = new HashMap<>();
    private final Map<String, Integer> attemptsInEntry = new HashMap<>();
    private final Map<String, String[]> lastFailure = new HashMap<>();
    private final LinkedHashMap<String, StateStats> stats = new LinkedHashMap<>();
    private final Map<String, MapProgress> maps = new HashMap<>();
    /** Open Parallel and Map states, innermost last: their end events do not name them. */
    private final java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();
    private int depth;
    private int mapDepth;
    private int retries;
    private int caught;
    private Instant executionStart;
    private String[] pendingCatch;

    /**
     * @param definition the execution's definition, asked for only when a line needs it (retry limits,
     *                   Wait wake-up times), so a plain run costs no extra call
     * @param timeScale  how the engine's Waits relate to the definition's (1 on AWS; 0.01 for an embedded
     *                   engine running them 100 times faster), see {@code PollingPolicy#timeScale}
     */
    public List<RenderedLine> render(HistoryEvent e, Supplier<DefinitionIndex> definition, double timeScale) {
        List<RenderedLine> out = new ArrayList<>();
        String type = e.typeAsString();
        Instant t = e.timestamp();
        long id = e.id();
        String inherited = e.previousEventId() == null ? null : ownerOfEvent.get(e.previousEventId());
        if (type.endsWith("StateEntered")) {
            String name = e.stateEnteredEventDetails().name();
            own(id, name);
            entered(out, e, name, type.substring(0, type.length() - "StateEntered".length()), definition, timeScale);
        } else if (type.endsWith("StateExited")) {
            exited(out, e, e.stateExitedEventDetails().name(), type.substring(0, type.length() - "StateExited".length()));
        } else if (type.startsWith("Execution")) {
            execution(out, e, type);
        } else if (type.startsWith("Map") || type.startsWith("Parallel")) {
            String owner = type.endsWith("StateStarted") ? inherited : open.peekLast();
            structure(out, e, type, owner, definition);
        } else if (inherited != null) {
            own(id, inherited);
            task(out, e, type, inherited, definition);
        }
        return out;
    }

    private void own(long id, String state) {
        ownerOfEvent.put(id, state);
        eventsOfState.computeIfAbsent(state, k -> new ArrayList<>()).add(id);
    }

    private void entered(List<RenderedLine> out, HistoryEvent e, String name, String type, Supplier<DefinitionIndex> definition,
            double timeScale) {
        Instant t = e.timestamp();
        enteredAt.put(name, t);
        attemptsInEntry.put(name, 0);
        stats.computeIfAbsent(name, n -> new StateStats(n, type)).entered();
        if (pendingCatch != null) {
            caught++;
            // MapStateFailed and ParallelStateFailed carry no error: AWS puts it on the events inside
            String error = pendingCatch[1] == null ? "an error" : pendingCatch[1];
            out.add(line(t, e.id(), LineKind.CAUGHT, pendingCatch[0], "caught " + error + ", going to " + name,
                    Map.of("error", error, "next", name)));
            pendingCatch = null;
        }
        if (mapDepth > 0) {
            return;
        }
        out.add(line(t, e.id(), LineKind.ENTERED, name, "> " + name + " (" + type + ")", Map.of("type", type)));
        if (type.equals("Wait")) {
            Instant wake = wakeUp(definition.get().state(name).orElse(null), t, e.stateEnteredEventDetails().input());
            if (wake != null) {
                out.add(waitLine(e, name, Duration.between(t, wake), wake, timeScale));
            }
        }
    }

    /**
     * The wake-up time is the definition's; an engine running Waits at another pace wakes the state
     * earlier, so then the line gives the definition's wait and the scaled one instead of a wrong clock time.
     */
    private RenderedLine waitLine(HistoryEvent e, String name, Duration wait, Instant wake, double timeScale) {
        if (timeScale == 1) {
            return line(e.timestamp(), e.id(), LineKind.WAIT, name, "  waiting until " + CLOCK.format(wake) + " UTC ("
                    + Durations.format(wait) + ")", Map.of("wakeUp", wake.toString()));
        }
        Duration scaled = Duration.ofNanos((long) (wait.toNanos() * timeScale));
        return line(e.timestamp(), e.id(), LineKind.WAIT, name, "  waiting " + Durations.format(wait)
                + " at the definition's pace (" + Durations.format(scaled) + " at time scale " + timeScale + ")",
                Map.of("waitMs", wait.toMillis(), "scaledWaitMs", scaled.toMillis(), "timeScale", timeScale));
    }

    private void exited(List<RenderedLine> out, HistoryEvent e, String name, String type) {
        Instant start = enteredAt.remove(name);
        Duration spent = start == null ? Duration.ZERO : Duration.between(start, e.timestamp());
        String[] failure = lastFailure.remove(name);
        StateStats s = stats.computeIfAbsent(name, n -> new StateStats(n, type));
        s.exited(spent, failure == null ? "SUCCEEDED" : "CAUGHT");
        if (failure != null) {
            pendingCatch = new String[] {name, failure[0]};
        }
        List<Long> ids = eventsOfState.remove(name);
        if (ids != null) {
            ids.forEach(ownerOfEvent::remove);
        }
        if (mapDepth > 0 || failure != null) {
            return;
        }
        out.add(line(e.timestamp(), e.id(), LineKind.SUCCEEDED, name,
                "< " + name + " (" + type + ") " + (start == null ? "done" : Durations.format(spent)),
                Map.of("type", type, "durationMs", spent.toMillis())));
    }

    private void task(List<RenderedLine> out, HistoryEvent e, String type, String state, Supplier<DefinitionIndex> definition) {
        if (type.endsWith("Scheduled")) {
            int attempt = attemptsInEntry.merge(state, 1, Integer::sum);
            StateStats s = stats.get(state);
            if (s != null) {
                s.attempt();
            }
            if (attempt > 1) {
                retries++;
                String[] failure = lastFailure.remove(state);
                String error = failure == null ? "an error" : failure[0];
                String of = definition.get().maxAttempts(state, error).map(m -> " of " + m).orElse("");
                if (mapDepth == 0) {
                    out.add(line(e.timestamp(), e.id(), LineKind.RETRY, state,
                            "  retry " + (attempt - 1) + of + " of " + state + " after " + error,
                            Map.of("attempt", attempt, "error", error)));
                }
            }
        } else if (type.endsWith("Failed") || type.endsWith("TimedOut")) {
            String[] ec = errorAndCause(e);
            lastFailure.put(state, ec);
            StateStats s = stats.get(state);
            if (s != null) {
                s.failed(ec[0], ec[1]);
            }
            if (mapDepth == 0) {
                out.add(line(e.timestamp(), e.id(), LineKind.FAILED, state,
                        "x " + state + " failed: " + ec[0] + (ec[1] == null || ec[1].isBlank() ? "" : ": " + abbreviate(ec[1])),
                        fields("error", ec[0], "cause", ec[1])));
            }
        }
    }

    private void structure(List<RenderedLine> out, HistoryEvent e, String type, String state, Supplier<DefinitionIndex> definition) {
        Instant t = e.timestamp();
        switch (type) {
            case "ParallelStateStarted" -> {
                int branches = definition.get().state(state).map(n -> n.path("Branches").size()).orElse(0);
                if (mapDepth == 0) {
                    out.add(line(t, e.id(), LineKind.STRUCTURE, state, "  " + state + ": "
                            + (branches > 0 ? branches + " branches" : "branches") + " started", Map.of("branches", branches)));
                }
                depth++;
                open.addLast(String.valueOf(state));
            }
            case "ParallelStateSucceeded", "ParallelStateFailed", "ParallelStateAborted" -> {
                depth = Math.max(0, depth - 1);
                open.pollLast();
                if (mapDepth == 0 && !type.equals("ParallelStateSucceeded")) {
                    String[] ec = errorAndCause(e);
                    lastFailure.put(state, ec);
                    out.add(line(t, e.id(), LineKind.FAILED, state, "x " + state + " branches "
                            + (type.endsWith("Aborted") ? "aborted" : "failed: " + ec[0]), fields("error", ec[0], "cause", ec[1])));
                }
            }
            case "MapStateStarted" -> {
                int total = e.mapStateStartedEventDetails() == null || e.mapStateStartedEventDetails().length() == null
                        ? 0 : e.mapStateStartedEventDetails().length();
                if (state != null) {
                    maps.put(state, new MapProgress(total));
                }
                if (mapDepth == 0) {
                    out.add(line(t, e.id(), LineKind.STRUCTURE, state, "  " + state + ": " + total + " iterations",
                            Map.of("iterations", total)));
                }
                depth++;
                mapDepth++;
                open.addLast(String.valueOf(state));
            }
            case "MapIterationSucceeded", "MapIterationFailed", "MapIterationAborted" -> iteration(out, e, type);
            case "MapStateSucceeded", "MapStateFailed", "MapStateAborted" -> {
                depth = Math.max(0, depth - 1);
                mapDepth = Math.max(0, mapDepth - 1);
                open.pollLast();
                MapProgress p = state == null ? null : maps.remove(state);
                if (mapDepth == 0 && p != null) {
                    boolean ok = type.equals("MapStateSucceeded");
                    if (!ok) {
                        lastFailure.put(state, errorAndCause(e));
                    }
                    out.add(line(t, e.id(), ok ? LineKind.PROGRESS : LineKind.FAILED, state, "  " + state + ": "
                            + p.succeeded + "/" + p.total + " iterations succeeded"
                            + (p.failed > 0 ? ", " + p.failed + " failed" : "") + (p.aborted > 0 ? ", " + p.aborted + " aborted" : ""),
                            Map.of("succeeded", p.succeeded, "failed", p.failed, "total", p.total)));
                }
            }
            default -> {
            }
        }
    }

    private void iteration(List<RenderedLine> out, HistoryEvent e, String type) {
        var d = e.mapIterationSucceededEventDetails() != null ? e.mapIterationSucceededEventDetails()
                : e.mapIterationFailedEventDetails() != null ? e.mapIterationFailedEventDetails()
                : e.mapIterationAbortedEventDetails();
        if (d == null || d.name() == null) {
            return;
        }
        MapProgress p = maps.get(d.name());
        if (p == null) {
            return;
        }
        int before = p.done();
        switch (type) {
            case "MapIterationSucceeded" -> p.succeeded++;
            case "MapIterationFailed" -> p.failed++;
            default -> p.aborted++;
        }
        if (mapDepth > 1) {
            return;
        }
        if (type.equals("MapIterationFailed") && p.failed <= MAX_ITERATION_FAILURES_SHOWN) {
            out.add(line(e.timestamp(), e.id(), LineKind.FAILED, d.name(), "x " + d.name() + " iteration " + d.index() + " failed"
                    + (p.failed == MAX_ITERATION_FAILURES_SHOWN ? " (further failures only counted)" : ""), Map.of("index", d.index())));
        }
        if (p.total >= 4 && p.done() < p.total && p.done() * 4 / p.total > before * 4 / p.total) {
            out.add(line(e.timestamp(), e.id(), LineKind.PROGRESS, d.name(), d.name() + ": " + p.done() + "/" + p.total
                    + " iterations done" + (p.failed > 0 ? " (" + p.failed + " failed)" : ""),
                    Map.of("done", p.done(), "total", p.total)));
        }
    }

    private void execution(List<RenderedLine> out, HistoryEvent e, String type) {
        Instant t = e.timestamp();
        switch (type) {
            case "ExecutionStarted" -> {
                executionStart = t;
                out.add(line(t, e.id(), LineKind.EXECUTION, null, "Execution started", Map.of()));
            }
            case "ExecutionRedriven" -> {
                forgetOpenStates();
                out.add(line(t, e.id(), LineKind.EXECUTION, null, "Execution redriven (redrive "
                    + (e.executionRedrivenEventDetails() == null ? "?" : e.executionRedrivenEventDetails().redriveCount()) + ")", Map.of()));
            }
            case "ExecutionSucceeded", "ExecutionFailed", "ExecutionTimedOut", "ExecutionAborted" -> {
                String status = switch (type) {
                    case "ExecutionSucceeded" -> "SUCCEEDED";
                    case "ExecutionFailed" -> "FAILED";
                    case "ExecutionTimedOut" -> "TIMED_OUT";
                    default -> "ABORTED";
                };
                String[] ec = errorAndCause(e);
                String took = executionStart == null ? "" : " in " + Durations.format(Duration.between(executionStart, t));
                String text = "Execution " + status + took
                        + (ec[0] == null ? "" : ": " + ec[0]) + (ec[1] == null || ec[1].isBlank() ? "" : ": " + abbreviate(ec[1]));
                out.add(line(t, e.id(), status.equals("SUCCEEDED") ? LineKind.EXECUTION : LineKind.FAILED, null, text,
                        fields("status", status, "error", ec[0], "cause", ec[1])));
                summary(out, t, status);
                forgetOpenStates();
            }
            default -> {
            }
        }
    }

    /**
     * An ended (or redriven) run leaves nothing open: a redrive re-enters states from scratch, and a
     * failure of the run before must not read as caught when the state now succeeds.
     */
    private void forgetOpenStates() {
        ownerOfEvent.clear();
        eventsOfState.clear();
        enteredAt.clear();
        attemptsInEntry.clear();
        lastFailure.clear();
        maps.clear();
        open.clear();
        pendingCatch = null;
        depth = 0;
        mapDepth = 0;
    }

    private void summary(List<RenderedLine> out, Instant t, String status) {
        // states still open when the execution ended share its fate
        stats.values().stream().filter(s -> s.status().equals("RUNNING")).forEach(s -> s.status(status));
        out.add(line(t, 0, LineKind.SUMMARY, null, "Summary: " + status + ", " + stats.size() + " states, "
                + retries + (retries == 1 ? " retry" : " retries") + ", " + caught + " caught",
                Map.of("status", status, "states", stats.size(), "retries", retries, "caught", caught)));
        int shown = 0;
        for (StateStats s : stats.values()) {
            if (shown++ == MAX_SUMMARY_STATES) {
                out.add(line(t, 0, LineKind.SUMMARY, null, "  ... " + (stats.size() - MAX_SUMMARY_STATES) + " more states", Map.of()));
                break;
            }
            out.add(line(t, 0, LineKind.SUMMARY, s.name(), String.format("  %-28s %-9s %-9s %8s%s%s", s.name(), s.type(), s.status(),
                    Durations.format(s.time()), s.entries() > 1 ? "  x" + s.entries() : "",
                    s.attempts() > s.entries() ? "  attempts " + s.attempts() : ""),
                    Map.of("type", s.type(), "status", s.status(), "durationMs", s.time().toMillis(),
                            "entries", s.entries(), "attempts", s.attempts())));
        }
    }

    /** A snapshot of per-state statistics, in order of first entry. */
    public List<StateStats> stateStats() {
        return List.copyOf(stats.values());
    }

    private RenderedLine line(Instant t, long id, LineKind kind, String state, String text, Map<String, Object> fields) {
        return new RenderedLine(t, id, kind, depth, state, text, fields);
    }

    private static Map<String, Object> fields(String... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put(kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 297) + "...";
    }

    /** Error and cause from whichever failure details the event carries. */
    static String[] errorAndCause(HistoryEvent e) {
        if (e.taskFailedEventDetails() != null) {
            return new String[] {e.taskFailedEventDetails().error(), e.taskFailedEventDetails().cause()};
        }
        if (e.taskTimedOutEventDetails() != null) {
            return new String[] {e.taskTimedOutEventDetails().error(), e.taskTimedOutEventDetails().cause()};
        }
        if (e.taskStartFailedEventDetails() != null) {
            return new String[] {e.taskStartFailedEventDetails().error(), e.taskStartFailedEventDetails().cause()};
        }
        if (e.taskSubmitFailedEventDetails() != null) {
            return new String[] {e.taskSubmitFailedEventDetails().error(), e.taskSubmitFailedEventDetails().cause()};
        }
        if (e.activityFailedEventDetails() != null) {
            return new String[] {e.activityFailedEventDetails().error(), e.activityFailedEventDetails().cause()};
        }
        if (e.activityTimedOutEventDetails() != null) {
            return new String[] {e.activityTimedOutEventDetails().error(), e.activityTimedOutEventDetails().cause()};
        }
        if (e.activityScheduleFailedEventDetails() != null) {
            return new String[] {e.activityScheduleFailedEventDetails().error(), e.activityScheduleFailedEventDetails().cause()};
        }
        if (e.lambdaFunctionFailedEventDetails() != null) {
            return new String[] {e.lambdaFunctionFailedEventDetails().error(), e.lambdaFunctionFailedEventDetails().cause()};
        }
        if (e.lambdaFunctionTimedOutEventDetails() != null) {
            return new String[] {e.lambdaFunctionTimedOutEventDetails().error(), e.lambdaFunctionTimedOutEventDetails().cause()};
        }
        if (e.executionFailedEventDetails() != null) {
            return new String[] {e.executionFailedEventDetails().error(), e.executionFailedEventDetails().cause()};
        }
        if (e.executionTimedOutEventDetails() != null) {
            return new String[] {e.executionTimedOutEventDetails().error(), e.executionTimedOutEventDetails().cause()};
        }
        if (e.executionAbortedEventDetails() != null) {
            return new String[] {e.executionAbortedEventDetails().error(), e.executionAbortedEventDetails().cause()};
        }
        return new String[] {null, null};
    }

    private static Instant wakeUp(JsonNode wait, Instant entered, String inputJson) {
        if (wait == null) {
            return null;
        }
        try {
            if (wait.has("Seconds") && wait.get("Seconds").isNumber()) {
                return entered.plusMillis((long) (wait.get("Seconds").asDouble() * 1000));
            }
            if (wait.has("Timestamp") && wait.get("Timestamp").isTextual()) {
                return Instant.parse(wait.get("Timestamp").asText());
            }
            JsonNode input = inputJson == null ? null : new ObjectMapper().readTree(inputJson);
            if (wait.has("SecondsPath") && input != null) {
                JsonNode v = path(input, wait.get("SecondsPath").asText());
                return v != null && v.isNumber() ? entered.plusMillis((long) (v.asDouble() * 1000)) : null;
            }
            if (wait.has("TimestampPath") && input != null) {
                JsonNode v = path(input, wait.get("TimestampPath").asText());
                return v != null && v.isTextual() ? Instant.parse(v.asText()) : null;
            }
        } catch (Exception unreadable) {
            // the wake-up time is a courtesy: a state we cannot read is shown without it
        }
        return null;
    }

    /** Plain {@code $.a.b} paths only: enough for the SecondsPath/TimestampPath people write. */
    private static JsonNode path(JsonNode node, String p) {
        if (!p.startsWith("$")) {
            return null;
        }
        JsonNode cur = node;
        for (String part : p.substring(1).split("\\.")) {
            if (!part.isEmpty()) {
                cur = cur == null ? null : cur.get(part);
            }
        }
        return cur;
    }

    private static final class MapProgress implements Serializable {
        private final int total;
        private int succeeded;
        private int failed;
        private int aborted;

        MapProgress(int total) {
            this.total = total;
        }

        int done() {
            return succeeded + failed + aborted;
        }
    }
}
