package io.jenkins.plugins.stepfunctions.engine.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One event of an execution's history, in AWS's shape: {@code type} is AWS's HistoryEventType
 * (e.g. {@code PassStateEntered}), {@code detailsField} the member that carries its details
 * (e.g. {@code stateEnteredEventDetails}; null for events without details) and {@code source} that
 * member's value, which {@link #details()} renders exactly as GetExecutionHistory returns it (input,
 * output, parameters as JSON strings, with their {@code *Details.truncated} companions).
 *
 * @param previousEventId 0 when AWS omits it (the first event)
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type,
                           String detailsField, Details source) {
    /** The details member as JSON, or null for events without details. */
    public ObjectNode details() {
        return source == null ? null : source.json();
    }
}
