package io.jenkins.plugins.stepfunctions.engine.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The append-only history of one execution. Event ids are 1-based and equal to position + 1.
 * Readers (GetExecutionHistory paging) may read while the interpreter appends. Events are kept
 * column-wise and become {@link HistoryEvent}s when read: every transition appends two events and
 * a finished execution keeps its history, so an event costs a few array slots instead of objects.
 * Timestamps are kept in milliseconds, the precision of the API.
 *
 * <p>One writer at a time (the execution's actor, which appends under the execution's lock), any
 * number of readers, no lock: an event's slots are written before the volatile size that makes it
 * visible, and full columns are copied into new ones that are published whole.
 */
public final class ExecutionHistory {
    private static final int INITIAL_CAPACITY = 8;

    private volatile Columns columns = new Columns(INITIAL_CAPACITY);
    private volatile int size;

    /** Appends the next event and returns its id. Only the execution's actor appends. */
    public long append(long previousEventId, long epochMillis, String type, String detailsField,
                       Details eventDetails) {
        int index = size;
        Columns c = columns;
        if (index == c.types.length) {
            c = c.copy(index * 2);
            columns = c;
        }
        c.previousEventIds[index] = previousEventId;
        c.timestamps[index] = epochMillis;
        c.types[index] = type;
        c.detailsFields[index] = detailsField;
        c.details[index] = eventDetails;
        size = index + 1;
        return index + 1L;
    }

    public int size() {
        return size;
    }

    public HistoryEvent get(int index) {
        int known = size;
        if (index < 0 || index >= known) {
            throw new IndexOutOfBoundsException("event index " + index + " of " + known);
        }
        return columns.event(index);
    }

    /** Events [from, to) as a copy. */
    public List<HistoryEvent> slice(int from, int to) {
        int end = Math.min(to, size);
        if (from < 0 || from > end) {
            throw new IndexOutOfBoundsException("events " + from + " to " + to + " of " + end);
        }
        Columns c = columns;
        List<HistoryEvent> out = new ArrayList<>(end - from);
        for (int i = from; i < end; i++) {
            out.add(c.event(i));
        }
        return List.copyOf(out);
    }

    /** The events' fields, one array per field. */
    private static final class Columns {
        final long[] previousEventIds;
        final long[] timestamps;
        final String[] types;
        final String[] detailsFields;
        final Details[] details;

        Columns(int capacity) {
            this(new long[capacity], new long[capacity], new String[capacity], new String[capacity],
                    new Details[capacity]);
        }

        private Columns(long[] previousEventIds, long[] timestamps, String[] types, String[] detailsFields,
                        Details[] details) {
            this.previousEventIds = previousEventIds;
            this.timestamps = timestamps;
            this.types = types;
            this.detailsFields = detailsFields;
            this.details = details;
        }

        Columns copy(int capacity) {
            return new Columns(Arrays.copyOf(previousEventIds, capacity), Arrays.copyOf(timestamps, capacity),
                    Arrays.copyOf(types, capacity), Arrays.copyOf(detailsFields, capacity),
                    Arrays.copyOf(details, capacity));
        }

        HistoryEvent event(int index) {
            return new HistoryEvent(index + 1L, previousEventIds[index], Instant.ofEpochMilli(timestamps[index]),
                    types[index], detailsFields[index], details[index]);
        }
    }
}
