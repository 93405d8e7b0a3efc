package io.jenkins.plugins.stepfunctions.plugin.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.view.DefinitionGraph;
import io.jenkins.plugins.stepfunctions.view.HistoryReplay;
import io.jenkins.plugins.stepfunctions.view.ReportPage;
import io.jenkins.plugins.stepfunctions.view.ViewData;
import io.jenkins.plugins.stepfunctions.view.ViewJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live view of one execution from what the build keeps on disk: the history the follower appends, one JSON
 * event per line, and the definition read once when following began. Nothing here calls AWS, so any number of
 * open build pages cost the API nothing.
 *
 * @param history    the build's history file of the execution
 * @param definition the definition file beside it; absent when it could not be read (the view then draws the
 *                   states as the history reveals them)
 */
record ExecutionViewFiles(String executionArn, Path history, Path definition) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a poll gets when the page already has every event: nothing to replay or send. */
    static final String UNCHANGED = "{\"unchanged\":true}";

    /** The events kept so far; a line being appended (no newline yet) is left for the next read. */
    List<JsonNode> events() throws IOException {
        return parse(lines());
    }

    private List<String> lines() throws IOException {
        if (!Files.exists(history)) {
            return List.of();
        }
        String text = Files.readString(history, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<JsonNode> parse(List<String> lines) throws IOException {
        List<JsonNode> events = new ArrayList<>(lines.size());
        for (String line : lines) {
            events.add(JSON.readTree(line));
        }
        return events;
    }

    JsonNode definitionJson() throws IOException {
        return Files.exists(definition) ? JSON.readTree(definition.toFile()) : null;
    }

    ViewData view(List<JsonNode> events) throws IOException {
        HistoryReplay replay = new HistoryReplay(executionArn, DefinitionGraph.of(definitionJson()), 1);
        events.forEach(replay::accept);
        return replay.view();
    }

    /**
     * The view as JSON (HTML-safe, though it is sent as JSON) with {@code live}'s fields and the page's
     * {@code cursor}, or {@link #UNCHANGED} when {@code since} is that cursor already: the number of events kept
     * (ids count from 1) and, when there is any, a digest of {@code live}.
     */
    String viewJson(String since, LiveViewState live) throws IOException {
        // counted before parsing: most polls of a running execution find nothing new
        List<String> lines = lines();
        String cursor = live.cursor(lines.size());
        if (cursor.equals(since)) {
            return UNCHANGED;
        }
        Map<String, Object> extra = new LinkedHashMap<>(live.fields());
        extra.put("cursor", cursor);
        return ViewJson.of(view(parse(lines)), extra);
    }

    /** When the history file was last written (epoch milliseconds), or null when there is none. */
    Long historyWrittenAt() throws IOException {
        return Files.exists(history) ? Files.getLastModifiedTime(history).toMillis() : null;
    }

    /** The self-contained report: the view and the whole history, script and style inlined. */
    String reportHtml() throws IOException {
        List<JsonNode> events = events();
        return ReportPage.html(view(events), events);
    }
}
