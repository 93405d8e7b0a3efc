package io.jenkins.plugins.stepfunctions.view;

import java.util.List;

/**
 * A task waiting for a person: a {@code .waitForTaskToken} task whose parameters carry an {@code approval}
 * object (the project's convention, see docs/approvals.md). Never carries the task token: the view is
 * shown to people who may not answer.
 *
 * @param scheduledEventId the TaskScheduled event, which names the approval for whoever answers it
 * @param deadline         epoch milliseconds when the task times out, or null
 */
public record ApprovalWait(long scheduledEventId, String message, List<String> submitters, Long deadline) {
}
