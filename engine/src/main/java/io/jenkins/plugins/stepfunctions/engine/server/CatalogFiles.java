package io.jenkins.plugins.stepfunctions.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.asl.InvalidDefinitionException;
import io.jenkins.plugins.stepfunctions.engine.asl.StateMachineDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The state machines (with their versions and aliases) and the activities of a data directory: one
 * JSON file per object under {@code state-machines/} and {@code activities/}, replaced whole when the
 * object changes. Per-object files keep a damaged file's loss to that one object.
 */
final class CatalogFiles {
    private final ObjectMapper mapper = new ObjectMapper();
    private final Path stateMachineDir;
    private final Path activityDir;
    /** What each file holds now, so that a sync rewrites only what changed. */
    private final Map<Path, String> written = new HashMap<>();

    CatalogFiles(Path root) {
        this.stateMachineDir = root.resolve("state-machines");
        this.activityDir = root.resolve("activities");
    }

    /** Writes what changed since the last sync and deletes the files of what was deleted. */
    synchronized void sync(StateMachineStore stateMachines, ActivityStore activities) {
        Set<Path> live = new HashSet<>();
        for (StateMachineEntry entry : stateMachines.all()) {
            live.add(write(stateMachineDir.resolve(DataFiles.nameFor(entry.arn().toString()) + ".json"), stateMachine(entry)));
        }
        for (ActivityStore.Activity activity : activities.all()) {
            ObjectNode node = mapper.createObjectNode().put("arn", activity.arn().toString())
                    .put("creationDate", activity.creationDate().toEpochMilli());
            live.add(write(activityDir.resolve(DataFiles.nameFor(activity.arn().toString()) + ".json"), node));
        }
        for (Path gone : new ArrayList<>(written.keySet())) {
            if (!live.contains(gone)) {
                DataFiles.delete(gone);
                written.remove(gone);
            }
        }
    }

    private Path write(Path file, ObjectNode node) {
        String text = node.toPrettyString();
        if (!text.equals(written.get(file))) {
            DataFiles.replace(file, text);
            written.put(file, text);
        }
        return file;
    }

    /** Loads every file into the stores; a file it cannot read is named in {@code problems} and skipped. */
    synchronized void load(StateMachineStore stateMachines, ActivityStore activities, Consumer<String> register,
                           List<String> problems) {
        for (Path file : files(stateMachineDir, problems)) {
            try {
                String text = Files.readString(file);
                StateMachineEntry entry = stateMachineOf(mapper.readTree(text));
                stateMachines.putIfAbsent(entry.arn(), () -> entry);
                written.put(file, text);
            } catch (IOException | RuntimeException | InvalidDefinitionException e) {
                problems.add(file + ": unreadable (" + e.getMessage() + "); the state machine it held, with its "
                        + "versions and aliases, is lost");
            }
        }
        for (Path file : files(activityDir, problems)) {
            try {
                String text = Files.readString(file);
                JsonNode node = mapper.readTree(text);
                String arn = required(node, "arn").asText();
                Instant created = Instant.ofEpochMilli(required(node, "creationDate").asLong());
                activities.computeIfAbsent(arn, k -> new ActivityStore.Activity(
                        ResourceArn.parse(k, "arn", "activity"), created));
                register.accept(arn);
                written.put(file, text);
            } catch (IOException | RuntimeException e) {
                problems.add(file + ": unreadable (" + e.getMessage() + "); the activity it held is lost");
            }
        }
    }

    static List<Path> files(Path dir, List<String> problems) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var list = Files.list(dir)) {
            List<Path> out = new ArrayList<>();
            for (Path p : list.sorted().toList()) {
                if (p.getFileName().toString().endsWith(".tmp")) {
                    // a write the process did not finish: the file it was to replace is still whole
                    DataFiles.delete(p);
                } else {
                    out.add(p);
                }
            }
            return out;
        } catch (IOException e) {
            problems.add(dir + ": cannot be listed (" + e.getMessage() + "); nothing in it was loaded");
            return List.of();
        }
    }

    private ObjectNode stateMachine(StateMachineEntry entry) {
        ObjectNode node = mapper.createObjectNode()
                .put("arn", entry.arn().toString())
                .put("type", entry.type())
                .put("creationDate", entry.creationDate().toEpochMilli());
        node.set("current", revision(entry.current()));
        ArrayNode versions = node.putArray("versions");
        for (StateMachineVersion v : entry.versions()) {
            ObjectNode version = versions.addObject().put("number", v.number())
                    .put("creationDate", v.creationDate().toEpochMilli()).put("description", v.description());
            version.set("revision", revision(v.revision()));
        }
        ArrayNode aliases = node.putArray("aliases");
        for (StateMachineAlias a : entry.aliases()) {
            ObjectNode alias = aliases.addObject().put("arn", a.arn().toString()).put("description", a.description())
                    .put("creationDate", a.creationDate().toEpochMilli());
            if (a.updateDate() != null) {
                alias.put("updateDate", a.updateDate().toEpochMilli());
            }
            ArrayNode routes = alias.putArray("routes");
            a.routes().forEach(r -> routes.addObject().put("versionArn", r.versionArn()).put("weight", r.weight()));
        }
        return node;
    }

    ObjectNode revision(StateMachineRevision r) {
        ObjectNode node = mapper.createObjectNode()
                .put("definition", r.definitionText())
                .put("roleArn", r.roleArn())
                .put("revisionId", r.revisionId());
        node.set("loggingConfiguration", r.loggingConfiguration());
        node.set("tracingConfiguration", r.tracingConfiguration());
        if (r.updateDate() != null) {
            node.put("updateDate", r.updateDate().toEpochMilli());
        }
        return node;
    }

    static StateMachineRevision revisionOf(JsonNode node) throws InvalidDefinitionException {
        String text = required(node, "definition").asText();
        return new StateMachineRevision(StateMachineDefinition.parse(text), text, required(node, "roleArn").asText(),
                node.get("loggingConfiguration") instanceof ObjectNode o ? o : null,
                node.get("tracingConfiguration") instanceof ObjectNode o ? o : null,
                required(node, "revisionId").asText(),
                node.hasNonNull("updateDate") ? Instant.ofEpochMilli(node.get("updateDate").asLong()) : null);
    }

    private static StateMachineEntry stateMachineOf(JsonNode node) throws InvalidDefinitionException {
        ResourceArn arn = ResourceArn.parse(required(node, "arn").asText(), "arn", "stateMachine");
        StateMachineEntry entry = new StateMachineEntry(arn, required(node, "type").asText(),
                Instant.ofEpochMilli(required(node, "creationDate").asLong()), revisionOf(required(node, "current")));
        for (JsonNode v : node.path("versions")) {
            int number = required(v, "number").asInt();
            entry.restoreVersion(new StateMachineVersion(arn.withParts(List.of(arn.name(), Integer.toString(number))),
                    number, revisionOf(required(v, "revision")), Instant.ofEpochMilli(required(v, "creationDate").asLong()),
                    v.path("description").isNull() ? null : v.path("description").asText(null)));
        }
        for (JsonNode a : node.path("aliases")) {
            List<StateMachineAlias.Route> routes = new ArrayList<>();
            a.path("routes").forEach(r -> routes.add(new StateMachineAlias.Route(required(r, "versionArn").asText(),
                    required(r, "weight").asInt())));
            entry.putAliasIfAbsent(new StateMachineAlias(ResourceArn.parse(required(a, "arn").asText(), "arn",
                    "stateMachine"), a.path("description").isNull() ? null : a.path("description").asText(null),
                    List.copyOf(routes), Instant.ofEpochMilli(required(a, "creationDate").asLong()),
                    a.hasNonNull("updateDate") ? Instant.ofEpochMilli(a.get("updateDate").asLong()) : null));
        }
        return entry;
    }

    /** A member the file must have; its absence is the file's damage, named. */
    static JsonNode required(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("member '" + field + "' is missing");
        }
        return v;
    }
}
