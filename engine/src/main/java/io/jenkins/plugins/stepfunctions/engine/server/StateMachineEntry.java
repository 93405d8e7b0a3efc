package io.jenkins.plugins.stepfunctions.engine.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A state machine in the store: its identity, its current revision, its published versions and aliases. */
final class StateMachineEntry {
    private final ResourceArn arn;
    private final String type;
    private final Instant creationDate;
    private StateMachineRevision current;
    private final List<StateMachineVersion> versions = new ArrayList<>();
    private final Map<String, StateMachineAlias> aliases = new TreeMap<>();

    StateMachineEntry(ResourceArn arn, String type, Instant creationDate, StateMachineRevision first) {
        this.arn = arn;
        this.type = type;
        this.creationDate = creationDate;
        this.current = first;
    }

    ResourceArn arn() {
        return arn;
    }

    String name() {
        return arn.name();
    }

    String type() {
        return type;
    }

    Instant creationDate() {
        return creationDate;
    }

    synchronized StateMachineRevision current() {
        return current;
    }

    synchronized void update(StateMachineRevision revision) {
        current = revision;
    }

    /** Publishes the current revision as the next version, or returns the latest when it already holds it. */
    synchronized StateMachineVersion publish(Instant now, String versionDescription) {
        if (!versions.isEmpty()) {
            StateMachineVersion latest = versions.get(versions.size() - 1);
            if (latest.revision().revisionId().equals(current.revisionId())) {
                return latest;
            }
        }
        int number = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).number() + 1;
        StateMachineVersion version = new StateMachineVersion(
                arn.withParts(List.of(arn.name(), Integer.toString(number))), number, current, now, versionDescription);
        versions.add(version);
        return version;
    }

    /** A version a data directory kept, in the order they were published. */
    synchronized void restoreVersion(StateMachineVersion version) {
        versions.add(version);
    }

    synchronized Optional<StateMachineVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    synchronized List<StateMachineVersion> versions() {
        return List.copyOf(versions);
    }

    /** Deletes a version unless an alias routes to it; returns the alias that does, if any. */
    synchronized Optional<StateMachineAlias> deleteVersion(StateMachineVersion version) {
        Optional<StateMachineAlias> user = aliases.values().stream()
                .filter(a -> a.routesTo(version.arn().toString())).findFirst();
        if (user.isEmpty()) {
            versions.remove(version);
        }
        return user;
    }

    synchronized Optional<StateMachineAlias> alias(String name) {
        return Optional.ofNullable(aliases.get(name));
    }

    /** Stores {@code alias} unless one of its name exists; returns the alias now stored under the name. */
    synchronized StateMachineAlias putAliasIfAbsent(StateMachineAlias alias) {
        return aliases.computeIfAbsent(alias.name(), k -> alias);
    }

    synchronized void replaceAlias(StateMachineAlias alias) {
        aliases.put(alias.name(), alias);
    }

    synchronized void removeAlias(String name) {
        aliases.remove(name);
    }

    synchronized List<StateMachineAlias> aliases() {
        return List.copyOf(aliases.values());
    }
}
