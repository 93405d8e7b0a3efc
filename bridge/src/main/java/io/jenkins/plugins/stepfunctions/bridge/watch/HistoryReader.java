package io.jenkins.plugins.stepfunctions.bridge.watch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Reads one execution's history after a {@link HistoryCursor}, one GetExecutionHistory call per {@link #read}, and
 * hands back only what is new, oldest first.
 *
 * <p>Catching up (a new cursor, or a forward page token): forward pages of 1000 with nextToken. Caught up (AWS gives
 * no token at the end of a running execution's history): newest-first pages sized to what is probably new (twice the
 * last batch, at least 10, at most 100), so a poll is usually one call that returns the new events plus a few already
 * delivered ones. A server that ignores {@code reverseOrder} (moto) is noticed from the order of the first page, and
 * reads go forward from then on. Event ids are consecutive, so anything at or below the cursor is dropped: a retried
 * call can never deliver an event twice, and holding every id between the cursor and the newest means nothing is
 * missing.
 *
 * <p>Holds nothing that must survive a restart (the cursor is in the {@link FollowState}): a newest-first read that
 * needs more than one page keeps the pages read so far until the batch is whole, and {@link #reset} drops them after
 * a failed call. Used by one advance at a time.
 */
final class HistoryReader {
    private static final int PAGE = 1000;
    /**
     * Newest-first reads ask for a few more events than the last batch had, so that one call usually
     * holds all that is new; an idle poll re-reads at most this many already delivered events.
     */
    private static final int PROBE_MIN = 10;
    private static final int PROBE_MAX = 100;

    /** What one {@link #read} found. */
    sealed interface Read {
    }

    /** A newest-first read that has not reached the cursor yet: nothing to deliver, read again at once. */
    record MorePages() implements Read {
    }

    /**
     * The events after the cursor, oldest first (possibly none), to deliver.
     *
     * @param nextToken the forward page token after them, null when caught up
     */
    record Batch(List<HistoryEvent> events, String nextToken) implements Read {
    }

    private final SfnClient sfn;
    private final String executionArn;
    private final FollowStats stats;

    private final List<HistoryEvent> reverseBuffer = new ArrayList<>();
    private String reverseToken;
    private long reverseNewest;
    private boolean reverseUnsupported;

    HistoryReader(SfnClient sfn, String executionArn, FollowStats stats) {
        this.sfn = sfn;
        this.executionArn = executionArn;
        this.stats = stats;
    }

    /**
     * One history call after {@code cursor}.
     *
     * @param lastBatch how many events the previous batch had: sizes a newest-first read
     */
    Read read(HistoryCursor cursor, int lastBatch) {
        if (cursor.lastEventId() == 0 || cursor.nextToken() != null || reverseUnsupported) {
            GetExecutionHistoryResponse r = call(false, PAGE, cursor.nextToken());
            return new Batch(newEvents(r.events(), cursor.lastEventId()), r.nextToken());
        }
        return reverse(cursor, lastBatch);
    }

    /** Forgets a newest-first read under way: after a failed call, the next read starts again from the newest event. */
    void reset() {
        reverseBuffer.clear();
        reverseToken = null;
        reverseNewest = 0;
    }

    private Read reverse(HistoryCursor c, int lastBatch) {
        int size;
        if (reverseToken == null) {
            size = Math.max(PROBE_MIN, Math.min(PROBE_MAX, 2 * lastBatch));
        } else {
            size = (int) Math.max(1, Math.min(PAGE, reverseNewest - c.lastEventId() - reverseBuffer.size()));
        }
        GetExecutionHistoryResponse r = call(true, size, reverseToken);
        List<HistoryEvent> events = r.events();
        if (reverseToken == null && !events.isEmpty()) {
            long first = events.get(0).id();
            if (first < c.lastEventId() || (events.size() > 1 && events.get(1).id() > first)) {
                // the server ignores reverseOrder: this page is a forward one, and so are the next reads
                reverseUnsupported = true;
                return new Batch(newEvents(events, c.lastEventId()), null);
            }
            reverseNewest = first;
        }
        boolean reachedCursor = false;
        for (HistoryEvent e : events) {
            if (e.id() > c.lastEventId()) {
                reverseBuffer.add(e);
            } else {
                reachedCursor = true;
            }
        }
        // ids are consecutive: holding every id between the cursor and the newest means nothing is missing
        boolean complete = reverseNewest > 0 && reverseBuffer.size() >= reverseNewest - c.lastEventId();
        if (reachedCursor || complete || r.nextToken() == null) {
            reverseBuffer.sort(Comparator.comparingLong(HistoryEvent::id));
            List<HistoryEvent> batch = List.copyOf(reverseBuffer);
            reset();
            return new Batch(batch, null);
        }
        reverseToken = r.nextToken();
        return new MorePages();
    }

    /** The events after {@code after}, oldest first. */
    private static List<HistoryEvent> newEvents(List<HistoryEvent> page, long after) {
        List<HistoryEvent> events = new ArrayList<>();
        for (HistoryEvent e : page) {
            if (e.id() > after) {
                events.add(e);
            }
        }
        events.sort(Comparator.comparingLong(HistoryEvent::id));
        return events;
    }

    private GetExecutionHistoryResponse call(boolean reverseOrder, int max, String token) {
        stats.historyCall();
        return sfn.getExecutionHistory(b -> b.executionArn(executionArn).maxResults(max)
                .reverseOrder(reverseOrder).nextToken(token).includeExecutionData(true));
    }
}
