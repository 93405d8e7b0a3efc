package io.jenkins.plugins.stepfunctions.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.history.Details;
import io.jenkins.plugins.stepfunctions.engine.history.EventType;
import io.jenkins.plugins.stepfunctions.engine.history.HistoryEvent;
import io.jenkins.plugins.stepfunctions.engine.run.Execution;
import io.jenkins.plugins.stepfunctions.engine.run.ExecutionEngine;
import io.jenkins.plugins.stepfunctions.engine.run.ExecutionJournal;
import io.jenkins.plugins.stepfunctions.engine.run.ExecutionStatus;
import io.jenkins.plugins.stepfunctions.engine.run.ResumePoint;
import io.jenkins.plugins.stepfunctions.engine.run.SavedExecution;
import io.jenkins.plugins.stepfunctions.engine.run.StartRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The executions of a data directory, one folder each under {@code executions/}: {@code entry.json}
 * (what started it, written once), {@code history.jsonl} (its events, one per line, appended and forced
 * to disk) and {@code state.json} (status, result, redrive count, how many events count, where its top
 * level stands; replaced whole). An append-only log for the history because it only grows: rewriting
 * it would cost its whole length at every step. Written at each checkpoint (the execution went idle or
 * ended), not per event: a crash loses at most what it did since it last waited.
 */
final class ExecutionFiles implements ExecutionJournal {
    private final ObjectMapper mapper = new ObjectMapper();
    private final Path root;
    private final CatalogFiles catalog;
    /** Per execution ARN, how many of its events history.jsonl holds; also the lock of its files. */
    private final Map<String, int[]> written = new ConcurrentHashMap<>();

    ExecutionFiles(Path root, CatalogFiles catalog) {
        this.root = root.resolve("executions");
        this.catalog = catalog;
    }

    private Path dir(String arn) {
        return root.resolve(DataFiles.nameFor(arn));
    }

    /** A new execution: what started it. */
    void started(ExecutionEntry entry) {
        StartRequest r = entry.execution().request();
        ObjectNode node = mapper.createObjectNode()
                .put("arn", entry.arn())
                .put("sequence", entry.sequence())
                .put("stateMachineArn", entry.stateMachineArn())
                .put("versionArn", entry.versionArn())
                .put("aliasArn", entry.aliasArn())
                .put("type", entry.stateMachine().type())
                .put("name", r.name())
                .put("targetArn", r.stateMachineArn())
                .put("stateMachineName", r.stateMachineName())
                .put("input", r.input())
                .put("testCase", r.testCase())
                .put("traceHeader", r.traceHeader());
        node.set("revision", catalog.revision(entry.revision()));
        DataFiles.replace(dir(entry.arn()).resolve("entry.json"), node.toPrettyString());
    }

    @Override
    public void checkpoint(Execution execution, ResumePoint resume) {
        String arn = execution.request().executionArn();
        int[] count = written.computeIfAbsent(arn, k -> new int[1]);
        synchronized (count) {
            Path dir = dir(arn);
            int size = execution.history().size();
            if (size > count[0]) {
                StringBuilder lines = new StringBuilder();
                for (HistoryEvent e : execution.history().slice(count[0], size)) {
                    ObjectNode line = mapper.createObjectNode().put("p", e.previousEventId())
                            .put("t", e.timestamp().toEpochMilli()).put("type", e.type());
                    if (e.detailsField() != null) {
                        line.put("f", e.detailsField());
                        line.set("d", e.details());
                    }
                    lines.append(line).append('\n');
                }
                DataFiles.append(dir.resolve("history.jsonl"), lines.toString());
                count[0] = size;
            }
            ObjectNode state = mapper.createObjectNode()
                    .put("status", execution.status().name())
                    .put("startDate", execution.startDate().toEpochMilli())
                    .put("output", execution.output())
                    .put("error", execution.error())
                    .put("cause", execution.cause())
                    .put("redriveCount", execution.redriveCount())
                    .put("events", count[0]);
            putTime(state, "stopDate", execution.stopDate());
            putTime(state, "redriveDate", execution.redriveDate());
            if (resume != null) {
                ObjectNode at = state.putObject("resume").put("state", resume.state()).put("input", resume.input())
                        .put("variables", resume.variables());
                putTime(at, "wakeAt", resume.wakeAt());
                if (resume.task() != null) {
                    at.putObject("task").put("token", resume.task().token())
                            .put("activityArn", resume.task().activityArn())
                            .put("activityInput", resume.task().activityInput());
                }
            }
            DataFiles.replace(dir.resolve("state.json"), state.toPrettyString());
        }
    }

    /** Restores every execution folder; what cannot be read is named in {@code problems}. */
    void load(StateMachineStore stateMachines, ExecutionStore executions, ExecutionEngine engine,
              List<String> problems) {
        for (Path dir : CatalogFiles.files(root, problems)) {
            try {
                restore(dir, stateMachines, executions, engine, problems);
            } catch (IOException | RuntimeException | io.jenkins.plugins.stepfunctions.engine.asl.InvalidDefinitionException e) {
                problems.add(dir + ": unreadable (" + e.getMessage() + "); the execution it held, with its history, "
                        + "is lost");
            }
        }
    }

    private void restore(Path dir, StateMachineStore stateMachines, ExecutionStore executions, ExecutionEngine engine,
                         List<String> problems) throws IOException, io.jenkins.plugins.stepfunctions.engine.asl.InvalidDefinitionException {
        CatalogFiles.files(dir, problems);
        JsonNode entry = mapper.readTree(dir.resolve("entry.json").toFile());
        JsonNode state = mapper.readTree(dir.resolve("state.json").toFile());
        String arn = CatalogFiles.required(entry, "arn").asText();
        int expected = CatalogFiles.required(state, "events").asInt();
        List<HistoryEvent> events = history(dir.resolve("history.jsonl"), expected, arn, problems);
        StateMachineRevision revision = CatalogFiles.revisionOf(CatalogFiles.required(entry, "revision"));
        String smArn = CatalogFiles.required(entry, "stateMachineArn").asText();
        StateMachineEntry stateMachine = stateMachines.all().stream()
                .filter(e -> e.arn().toString().equals(smArn)).findFirst()
                // its state machine was deleted since: the execution keeps what it ran
                .orElseGet(() -> new StateMachineEntry(ResourceArn.parse(smArn, "stateMachineArn", "stateMachine"),
                        entry.path("type").asText("STANDARD"), Instant.ofEpochMilli(state.path("startDate").asLong()),
                        revision));
        StartRequest request = new StartRequest(arn, text(entry, "name"), text(entry, "targetArn"),
                text(entry, "stateMachineName"), revision.roleArn(), revision.definition(), text(entry, "input"),
                stateMachine.type(), text(entry, "testCase"), text(entry, "traceHeader"));
        JsonNode at = state.get("resume");
        ResumePoint resume = at == null || at.isNull() ? null : new ResumePoint(text(at, "state"), text(at, "input"),
                text(at, "variables"), time(at, "wakeAt"), at.hasNonNull("task") ? new ResumePoint.WaitingTask(
                text(at.get("task"), "token"), text(at.get("task"), "activityArn"), text(at.get("task"), "activityInput"))
                : null);
        SavedExecution saved = new SavedExecution(ExecutionStatus.valueOf(CatalogFiles.required(state, "status").asText()),
                time(state, "startDate"), time(state, "stopDate"), text(state, "output"), text(state, "error"),
                text(state, "cause"), state.path("redriveCount").asInt(), time(state, "redriveDate"), events, resume);
        written.put(arn, new int[]{events.size()});
        Execution execution = engine.restore(request, saved);
        executions.restore(new ExecutionEntry(CatalogFiles.required(entry, "sequence").asLong(), arn, smArn,
                text(entry, "versionArn"), text(entry, "aliasArn"), stateMachine, revision, execution));
    }

    /** The first {@code expected} events; lines beyond were written after the last checkpoint and do not count. */
    private List<HistoryEvent> history(Path file, int expected, String arn, List<String> problems) throws IOException {
        List<HistoryEvent> events = new ArrayList<>(expected);
        if (!Files.exists(file)) {
            if (expected > 0) {
                problems.add(file + ": missing; execution " + arn + " lost its " + expected + " history events");
            }
            return events;
        }
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line;
            while (events.size() < expected && (line = reader.readLine()) != null) {
                try {
                    JsonNode e = mapper.readTree(line);
                    events.add(new HistoryEvent(events.size() + 1L, e.path("p").asLong(),
                            Instant.ofEpochMilli(CatalogFiles.required(e, "t").asLong()),
                            EventType.of(CatalogFiles.required(e, "type").asText()),
                            e.get("d") instanceof ObjectNode d ? new Details.Json(d) : null));
                } catch (IOException | RuntimeException bad) {
                    problems.add(file + ": line " + (events.size() + 1) + " unreadable (" + bad.getMessage()
                            + "); execution " + arn + " keeps its first " + events.size() + " events, the "
                            + (expected - events.size()) + " after them are lost");
                    return events;
                }
            }
        }
        if (events.size() < expected) {
            problems.add(file + ": holds " + events.size() + " of " + expected + " events; execution " + arn
                    + " lost the last " + (expected - events.size()));
        }
        return events;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant time(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : Instant.ofEpochMilli(v.asLong());
    }

    private static void putTime(ObjectNode node, String field, Instant time) {
        if (time != null) {
            node.put(field, time.toEpochMilli());
        }
    }
}
