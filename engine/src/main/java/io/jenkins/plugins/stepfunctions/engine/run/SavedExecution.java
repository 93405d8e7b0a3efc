package io.jenkins.plugins.stepfunctions.engine.run;

import io.jenkins.plugins.stepfunctions.engine.history.HistoryEvent;
import java.time.Instant;
import java.util.List;

/** An execution as a data directory kept it, for {@link ExecutionEngine#restore}. */
public record SavedExecution(ExecutionStatus status, Instant startDate, Instant stopDate, String output,
                             String error, String cause, int redriveCount, Instant redriveDate,
                             List<HistoryEvent> events, ResumePoint resume) {
}
