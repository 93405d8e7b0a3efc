package io.jenkins.plugins.stepfunctions.engine.history;

import java.util.ArrayList;
import java.util.List;

/**
 * The append-only history of one execution. Event ids are 1-based and equal to position + 1.
 * Readers (GetExecutionHistory paging) may read while the interpreter appends.
 */
public final class ExecutionHistory {
    private final List<HistoryEvent> events = new ArrayList<>();

    public synchronized void append(HistoryEvent event) {
        if (event.id() != events.size() + 1) {
            throw new IllegalStateException("event id " + event.id() + " out of order, expected " + (events.size() + 1));
        }
        events.add(event);
    }

    public synchronized int size() {
        return events.size();
    }

    public synchronized HistoryEvent get(int index) {
        return events.get(index);
    }

    /** Events [from, to) as a copy. */
    public synchronized List<HistoryEvent> slice(int from, int to) {
        return List.copyOf(events.subList(from, Math.min(to, events.size())));
    }
}
