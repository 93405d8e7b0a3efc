package io.jenkins.plugins.stepfunctions.bridge.watch;

import java.io.Serializable;

/**
 * Where a follower is in an execution's history: the id of the last event it delivered, and the
 * forward page token while it is still catching up. Event ids are consecutive from 1, so the id alone
 * is enough to resume without delivering an event twice; the token only saves calls.
 *
 * @param nextToken token of the next forward page, or null when caught up (or when the token was lost)
 */
public record HistoryCursor(String executionArn, long lastEventId, String nextToken) implements Serializable {

    public static HistoryCursor start(String executionArn) {
        return new HistoryCursor(executionArn, 0, null);
    }

    public HistoryCursor delivered(long eventId) {
        return new HistoryCursor(executionArn, Math.max(lastEventId, eventId), nextToken);
    }

    public HistoryCursor withNextToken(String token) {
        return new HistoryCursor(executionArn, lastEventId, token);
    }

    @Override
    public String toString() {
        return "HistoryCursor[" + executionArn + " after event " + lastEventId + (nextToken == null ? "" : ", paging") + "]";
    }
}
