package io.jenkins.plugins.stepfunctions.engine.server;

import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/** The activities of every region, keyed and listed by ARN (hence by name within a region). */
final class ActivityStore {
    record Activity(ResourceArn arn, Instant creationDate) {
    }

    private final ConcurrentSkipListMap<String, Activity> byArn = new ConcurrentSkipListMap<>();

    Activity computeIfAbsent(String arn, Function<String, Activity> create) {
        return byArn.computeIfAbsent(arn, create);
    }

    Activity get(String arn) {
        return byArn.get(arn);
    }

    /** Every activity of every region. */
    List<Activity> all() {
        return List.copyOf(byArn.values());
    }

    boolean contains(String arn) {
        return byArn.containsKey(arn);
    }

    boolean remove(String arn) {
        return byArn.remove(arn) != null;
    }

    /** The activities of one region, ordered by name, after {@code afterArn} (exclusive) when given. */
    List<Activity> list(String region, String afterArn) {
        String prefix = ResourceArn.of(region, "activity", "").toString();
        NavigableMap<String, Activity> range = byArn.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
        if (afterArn != null) {
            range = range.tailMap(afterArn, false);
        }
        return List.copyOf(range.values());
    }
}
