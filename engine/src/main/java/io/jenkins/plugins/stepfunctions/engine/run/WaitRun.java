package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.asl.State;
import io.jenkins.plugins.stepfunctions.engine.asl.ValueSource;
import io.jenkins.plugins.stepfunctions.engine.history.EventDetails;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A Wait state: its Seconds or Timestamp (literal, path or JSONata) on the execution's timer, holding
 * no thread; the deadline is kept so that a restarted engine waits for the rest ({@link #resume}).
 */
final class WaitRun {
    private WaitRun() {
    }

    static void start(StateContext visit, State.Wait wait) {
        JsonNode effective = visit.flow().effectiveInput(visit);
        Instant now = visit.execution().now();
        Instant wake = wait.seconds() != null
                ? now.plusSeconds(seconds(visit, wait.seconds(), effective))
                : timestamp(visit, wait.timestamp(), effective);
        double seconds = (wake.toEpochMilli() - now.toEpochMilli()) / 1000.0;
        if (seconds <= 0 || visit.execution().probe() != null) {
            // TestState does not wait: it answers at once with where the state would go
            exit(visit, wait, effective);
        } else {
            waitUntil(visit, wait, wake, seconds, effective);
        }
    }

    /** Waits for the rest of a Wait entered before a restart, until the deadline it had computed. */
    static void resume(StateContext visit, State.Wait wait, Instant wake) {
        double seconds = Math.max(0, (wake.toEpochMilli() - visit.execution().now().toEpochMilli()) / 1000.0);
        waitUntil(visit, wait, wake, seconds, visit.flow().effectiveInput(visit));
    }

    private static void waitUntil(StateContext visit, State.Wait wait, Instant wake, double seconds,
                                  JsonNode effective) {
        visit.waitingUntil(wake);
        int attempt = visit.currentAttempt();
        visit.execution().schedule(seconds, () -> visit.guarded(attempt, () -> exit(visit, wait, effective)));
    }

    private static void exit(StateContext visit, State.Wait wait, JsonNode effective) {
        visit.flow().exitWithInput(visit, effective, visit.io().assign(), visit.io().output(), wait.transition().next());
    }

    private static long seconds(StateContext visit, ValueSource source, JsonNode effective) {
        JsonNode v = source.resolve(visit, effective);
        boolean whole = v.isNumber() && v.canConvertToLong() && v.asDouble() == Math.rint(v.asDouble());
        if (source instanceof ValueSource.Path p) {
            if (!whole) {
                throw new StatesException(StatesException.RUNTIME, "The SecondsPath parameter cannot be parsed as "
                        + "a long value: " + p.path() + " == " + (v.isTextual() ? v.asText() : EventDetails.text(v)));
            }
            if (v.asLong() < 0) {
                throw new StatesException(StatesException.RUNTIME, "The SecondsPath parameter references a "
                        + "negative value: " + p.path() + " == " + EventDetails.text(v));
            }
        } else if (!whole || v.asLong() < 0) {
            throw new StatesException(visit.flow().valueError(),
                    "The Seconds field must be a non-negative integer, but was: " + EventDetails.text(v));
        }
        return v.asLong();
    }

    private static Instant timestamp(StateContext visit, ValueSource source, JsonNode effective) {
        JsonNode v = source.resolve(visit, effective);
        String text = v.isTextual() ? v.asText() : null;
        try {
            if (text == null || !(text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$"))) {
                throw new DateTimeParseException("no zone", String.valueOf(text), 0);
            }
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            String shown = v.isTextual() ? v.asText() : EventDetails.text(v);
            if (source instanceof ValueSource.Path p) {
                throw new StatesException(StatesException.RUNTIME, "The TimestampPath parameter does not reference a "
                        + "valid ISO-8601 extended offset date-time format string: " + p.path() + " == " + shown);
            }
            throw new StatesException(visit.flow().valueError(), "The Timestamp field cannot be parsed as an "
                    + "ISO-8601 extended offset date-time format string: " + shown);
        }
    }
}
