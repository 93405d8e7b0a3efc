package io.jenkins.plugins.stepfunctions.view;

import java.util.List;

/**
 * What the history says about one state. Input, output, error and cause are those of its latest entry
 * (for a state inside a Map: of the latest iteration to reach it). Times are epoch milliseconds.
 *
 * @param attempts   attempts of the latest entry (above 1: it was retried)
 * @param retries    retries over all entries
 * @param waitUntil  for a waiting Wait state, when it wakes up at the definition's pace, else null
 * @param approval   the pending approval at this state, else null
 * @param iterations a Map state's iteration counts, else null
 * @param eventIds   the ids of the state's latest events (at most {@link HistoryReplay#EVENT_IDS_PER_STATE})
 */
public record StateView(String name, String type, StateStatus status, int entries, int attempts, int retries,
                        String input, String output, String error, String cause, Long enteredAt, Long exitedAt,
                        Long durationMs, Long waitUntil, ApprovalWait approval, MapCounts iterations,
                        List<Long> eventIds) {
}
