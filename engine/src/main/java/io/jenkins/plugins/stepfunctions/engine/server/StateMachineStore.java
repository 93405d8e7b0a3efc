package io.jenkins.plugins.stepfunctions.engine.server;

import io.jenkins.plugins.stepfunctions.engine.ApiException;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/** The state machines of every region, keyed and listed by ARN (hence by name within a region). */
final class StateMachineStore {
    static final String DOES_NOT_EXIST = "StateMachineDoesNotExist";
    private final ConcurrentSkipListMap<String, StateMachineEntry> byArn = new ConcurrentSkipListMap<>();

    /**
     * A state machine, one of its versions or one of its aliases, as an ARN names it. An alias target
     * has no version until {@link #routed} picks one.
     */
    record Target(StateMachineEntry entry, StateMachineVersion version, StateMachineAlias alias) {
        StateMachineRevision revision() {
            return version != null ? version.revision() : entry.current();
        }

        String arn() {
            if (alias != null) {
                return alias.arn().toString();
            }
            return (version != null ? version.arn() : entry.arn()).toString();
        }

        String versionArn() {
            return version != null ? version.arn().toString() : null;
        }

        String aliasArn() {
            return alias != null ? alias.arn().toString() : null;
        }

        /** For an alias, the version a new execution runs, chosen by the alias's weights. */
        Target routed(double rollPercent) {
            if (alias == null) {
                return this;
            }
            String versionArn = alias.pick(rollPercent);
            int number = Integer.parseInt(ResourceArn.parse(versionArn, "routingConfiguration", "stateMachine").parts().get(1));
            StateMachineVersion routedVersion = entry.version(number).orElseThrow(() -> doesNotExist(versionArn));
            return new Target(entry, routedVersion, alias);
        }
    }

    /**
     * Adds the state machine {@code create} builds unless one of that name exists; returns the entry
     * now stored under the ARN (the existing one, if any, so the caller can check idempotency).
     */
    StateMachineEntry putIfAbsent(ResourceArn arn, Supplier<StateMachineEntry> create) {
        return byArn.computeIfAbsent(arn.toString(), k -> create.get());
    }

    void remove(ResourceArn arn) {
        byArn.remove(arn.toString());
    }

    boolean contains(String arn) {
        return byArn.containsKey(arn);
    }

    /** Resolves a state machine ARN, optionally qualified by a version number or an alias name. */
    Target resolve(String arnText, String field) {
        ResourceArn arn = ResourceArn.parse(arnText, field, "stateMachine");
        if (arn.parts().size() > 2) {
            throw ApiErrors.invalidArn(arnText, "a state machine ARN ends with :stateMachine:NAME or :stateMachine:NAME:VERSION");
        }
        ResourceArn base = arn.withParts(List.of(arn.name()));
        StateMachineEntry entry = byArn.get(base.toString());
        if (entry == null) {
            throw doesNotExist(base.toString());
        }
        if (arn.parts().size() == 1) {
            return new Target(entry, null, null);
        }
        String qualifier = arn.parts().get(1);
        if (!qualifier.chars().allMatch(Character::isDigit)) {
            StateMachineAlias alias = entry.alias(qualifier).orElseThrow(() -> new ApiException("ResourceNotFound",
                    "Resource not found: alias '" + arnText + "' does not exist; create it with CreateStateMachineAlias"
                            + " or list them with ListStateMachineAliases"));
            return new Target(entry, null, alias);
        }
        StateMachineVersion version = entry.version(Integer.parseInt(qualifier))
                .orElseThrow(() -> doesNotExist(arnText));
        return new Target(entry, version, null);
    }

    /** The state machines of one region, ordered by name, after {@code afterArn} (exclusive) when given. */
    List<StateMachineEntry> list(String region, String afterArn) {
        String prefix = ResourceArn.of(region, "stateMachine", "").toString();
        NavigableMap<String, StateMachineEntry> range = byArn.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
        if (afterArn != null) {
            range = range.tailMap(afterArn, false);
        }
        return List.copyOf(range.values());
    }

    /** Every state machine of every region, ordered by ARN (sfn local's console lists them all). */
    List<StateMachineEntry> all() {
        return List.copyOf(byArn.values());
    }

    static ApiException doesNotExist(String arn) {
        return new ApiException(DOES_NOT_EXIST, "State Machine Does Not Exist: '" + arn
                + "': create it with CreateStateMachine or check the name and region in the ARN");
    }
}
