package io.jenkins.plugins.stepfunctions.engine.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One event of an execution's history, in AWS's shape: {@code eventType} gives AWS's HistoryEventType
 * ({@link #type()}, e.g. {@code PassStateEntered}) and the member that carries its details
 * ({@link #detailsField()}, e.g. {@code stateEnteredEventDetails}; null for events without details),
 * {@code source} that member's value, which {@link #details()} renders exactly as GetExecutionHistory returns it (input,
 * output, parameters as JSON strings, with their {@code *Details.truncated} companions).
 *
 * @param previousEventId 0 when AWS omits it (the first event)
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, EventType eventType,
                           Details source) {
    /** AWS's HistoryEventType, e.g. {@code PassStateEntered}. */
    public String type() {
        return eventType.typeName();
    }

    /** The member that carries the details, e.g. {@code stateEnteredEventDetails}; null without details. */
    public String detailsField() {
        return eventType.detailsField();
    }

    /** The details member as JSON, or null for events without details. */
    public ObjectNode details() {
        return source == null ? null : source.json();
    }
}
