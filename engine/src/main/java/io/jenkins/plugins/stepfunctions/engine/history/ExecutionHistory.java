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
 * Timestamps are kept in milliseconds, the precision of the API. The columns are chunks of
 * doubling size (8, 16, 32 ... events), so a long history grows without copying its events.
 *
 * <p>One writer at a time (the execution's actor, which appends under the execution's lock), any
 * number of readers, no lock: an event's slots are written before the volatile size that makes it
 * visible, and a new chunk is published (in a new, volatile chunk list) before that size.
 *
 * <p>Bounded as AWS bounds it: an execution's history holds at most {@link #MAX_EVENTS} events, the
 * last of them the event that fails the execution. {@link #append} refuses the event that would
 * leave no room for it, and the execution then fails (see {@code ExecutionRun}).
 *
 * <p>The one event written from outside the actor is the terminal event of StopExecution, which must
 * not wait for a busy actor: {@link #seal} keeps it apart from the columns, where the actor may be
 * writing at that very moment, and caps what readers see at the events published before it. The
 * actor's later appends are refused; {@link #unseal} (a redrive, once the actor is idle) moves the
 * event into the columns.
 */
public final class ExecutionHistory {
    /**
     * AWS's hard quota of events in one execution's history (the Step Functions quotas page; "Avoid
     * reaching the history quota" in the developer guide). Reaching it fails the execution.
     */
    public static final int MAX_EVENTS = 25_000;
    private static final int FIRST_CHUNK_SHIFT = 3;
    private static final int FIRST_CHUNK = 1 << FIRST_CHUNK_SHIFT;

    /** Chunk k holds the events from {@code FIRST_CHUNK * (2^k - 1)} on, {@code FIRST_CHUNK << k} of them. */
    private volatile Columns[] chunks = {new Columns(FIRST_CHUNK)};
    private volatile int size;
    /**
     * Index from which {@link #append} refuses events: room is kept for the terminal event at
     * {@code MAX_EVENTS - 1}; 0 once sealed. One field, so the hot path reads one more volatile int.
     */
    private volatile int refuseFrom = MAX_EVENTS - 1;
    /** The terminal event of a stop, kept apart from the columns; null unless sealed. */
    private volatile Sealed sealed;

    private record Sealed(int at, HistoryEvent event) {
    }

    /**
     * Appends the next event and returns its id, or -1 when the history has no room left for an
     * event other than the terminal one (or was sealed). Only the execution's actor appends.
     */
    public long append(long previousEventId, long epochMillis, EventType type, Details eventDetails) {
        int index = size;
        if (index >= refuseFrom) {
            return -1;
        }
        return write(index, previousEventId, epochMillis, type, eventDetails);
    }

    /**
     * Appends the execution's terminal event (ExecutionSucceeded, ExecutionFailed ...), which may take
     * the last place. Only the execution's actor, and only while not sealed.
     */
    public long appendTerminal(long previousEventId, long epochMillis, EventType type,
                               Details eventDetails) {
        return write(Math.min(size, MAX_EVENTS - 1), previousEventId, epochMillis, type, eventDetails);
    }

    /**
     * Ends the history with {@code type} from a thread other than the actor's: the event follows the
     * events published so far (its previous event id is the last of them) and readers see nothing the
     * actor writes after this. Returns the event's id.
     */
    public long seal(long epochMillis, EventType type, Details eventDetails) {
        refuseFrom = 0;
        int at = Math.min(size, MAX_EVENTS - 1);
        HistoryEvent event = new HistoryEvent(at + 1L, at, java.time.Instant.ofEpochMilli(epochMillis), type,
                eventDetails);
        sealed = new Sealed(at, event);
        return at + 1L;
    }

    /** Makes a sealed history appendable again (a redrive); only when the actor is idle. */
    public void unseal() {
        Sealed s = sealed;
        if (s == null) {
            return;
        }
        HistoryEvent e = s.event();
        // the actor may have published events after the seal; they were never visible and are dropped
        size = s.at();
        write(s.at(), e.previousEventId(), e.timestamp().toEpochMilli(), e.eventType(), e.source());
        refuseFrom = MAX_EVENTS - 1;
        sealed = null;
    }

    private long write(int index, long previousEventId, long epochMillis, EventType type, Details eventDetails) {
        int shifted = index + FIRST_CHUNK;
        int chunk = chunkOf(shifted);
        Columns[] all = chunks;
        if (chunk == all.length) {
            all = Arrays.copyOf(all, chunk + 1);
            all[chunk] = new Columns(FIRST_CHUNK << chunk);
            chunks = all;
        }
        Columns c = all[chunk];
        int offset = shifted - Integer.highestOneBit(shifted);
        c.previousEventIds[offset] = previousEventId;
        c.timestamps[offset] = epochMillis;
        c.types[offset] = type;
        c.details[offset] = eventDetails;
        size = index + 1;
        return index + 1L;
    }

    private static int chunkOf(int shifted) {
        return 31 - Integer.numberOfLeadingZeros(shifted) - FIRST_CHUNK_SHIFT;
    }

    public int size() {
        Sealed s = sealed;
        return s == null ? size : s.at() + 1;
    }

    public HistoryEvent get(int index) {
        Sealed s = sealed;
        int known = s == null ? size : s.at() + 1;
        if (index < 0 || index >= known) {
            throw new IndexOutOfBoundsException("event index " + index + " of " + known);
        }
        return s != null && index == s.at() ? s.event() : event(chunks, index);
    }

    /** Events [from, to) as a copy. */
    public List<HistoryEvent> slice(int from, int to) {
        Sealed s = sealed;
        int end = Math.min(to, s == null ? size : s.at() + 1);
        if (from < 0 || from > end) {
            throw new IndexOutOfBoundsException("events " + from + " to " + to + " of " + end);
        }
        Columns[] all = chunks;
        List<HistoryEvent> out = new ArrayList<>(end - from);
        for (int i = from; i < end; i++) {
            out.add(s != null && i == s.at() ? s.event() : event(all, i));
        }
        return List.copyOf(out);
    }

    private static HistoryEvent event(Columns[] all, int index) {
        int shifted = index + FIRST_CHUNK;
        return all[chunkOf(shifted)].event(index, shifted - Integer.highestOneBit(shifted));
    }

    /** The events' fields of one chunk, one array per field. */
    private static final class Columns {
        final long[] previousEventIds;
        final long[] timestamps;
        final EventType[] types;
        final Details[] details;

        Columns(int capacity) {
            previousEventIds = new long[capacity];
            timestamps = new long[capacity];
            types = new EventType[capacity];
            details = new Details[capacity];
        }

        HistoryEvent event(int index, int offset) {
            return new HistoryEvent(index + 1L, previousEventIds[offset], Instant.ofEpochMilli(timestamps[offset]),
                    types[offset], details[offset]);
        }
    }
}
