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

    /** A state machine or one of its versions, as an ARN names it. */
    record Target(StateMachineEntry entry, StateMachineVersion version) {
        StateMachineRevision revision() {
            return version != null ? version.revision() : entry.current();
        }

        String arn() {
            return (version != null ? version.arn() : entry.arn()).toString();
        }

        String versionArn() {
            return version != null ? version.arn().toString() : null;
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

    /** Resolves a state machine ARN, optionally qualified by a version number. */
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
            return new Target(entry, null);
        }
        String qualifier = arn.parts().get(1);
        if (!qualifier.chars().allMatch(Character::isDigit)) {
            throw new ApiException("ResourceNotFound", "Resource not found: '" + arnText
                    + "': sfn local does not support state machine aliases; use the state machine ARN or a version ARN (NAME:1)");
        }
        StateMachineVersion version = entry.version(Integer.parseInt(qualifier))
                .orElseThrow(() -> doesNotExist(arnText));
        return new Target(entry, version);
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

    static ApiException doesNotExist(String arn) {
        return new ApiException(DOES_NOT_EXIST, "State Machine Does Not Exist: '" + arn
                + "': create it with CreateStateMachine or check the name and region in the ARN");
    }
}
