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
 */
public final class ExecutionHistory {
    private static final int INITIAL_CAPACITY = 8;

    private long[] previousEventIds = new long[INITIAL_CAPACITY];
    private long[] timestamps = new long[INITIAL_CAPACITY];
    private String[] types = new String[INITIAL_CAPACITY];
    private String[] detailsFields = new String[INITIAL_CAPACITY];
    private Details[] details = new Details[INITIAL_CAPACITY];
    private int size;

    /** Appends the next event and returns its id. */
    public synchronized long append(long previousEventId, long epochMillis, String type, String detailsField,
                                    Details eventDetails) {
        if (size == types.length) {
            int capacity = size * 2;
            previousEventIds = Arrays.copyOf(previousEventIds, capacity);
            timestamps = Arrays.copyOf(timestamps, capacity);
            types = Arrays.copyOf(types, capacity);
            detailsFields = Arrays.copyOf(detailsFields, capacity);
            details = Arrays.copyOf(details, capacity);
        }
        previousEventIds[size] = previousEventId;
        timestamps[size] = epochMillis;
        types[size] = type;
        detailsFields[size] = detailsField;
        details[size] = eventDetails;
        return ++size;
    }

    public synchronized int size() {
        return size;
    }

    public synchronized HistoryEvent get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("event index " + index + " of " + size);
        }
        return event(index);
    }

    /** Events [from, to) as a copy. */
    public synchronized List<HistoryEvent> slice(int from, int to) {
        int end = Math.min(to, size);
        if (from < 0 || from > end) {
            throw new IndexOutOfBoundsException("events " + from + " to " + to + " of " + size);
        }
        List<HistoryEvent> out = new ArrayList<>(end - from);
        for (int i = from; i < end; i++) {
            out.add(event(i));
        }
        return List.copyOf(out);
    }

    private HistoryEvent event(int index) {
        return new HistoryEvent(index + 1L, previousEventIds[index], Instant.ofEpochMilli(timestamps[index]),
                types[index], detailsFields[index], details[index]);
    }
}
