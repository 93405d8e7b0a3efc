package io.jenkins.plugins.stepfunctions.bridge.approval;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A task of an execution that waits for a person's decision.
 *
 * @param id                stable id: {@code <executionArn>#<scheduled event id>}
 * @param state             the state asking
 * @param message           what to ask the person
 * @param submitters        who may answer (empty: anyone allowed by the caller's own rules)
 * @param parameters        parameters the approver may fill in or confirm (a JSON object, may be empty)
 * @param metadata          facts shown next to the question (version, environment, change ticket...)
 * @param deadline          when the task times out, or null
 * @param heartbeatSeconds  HeartbeatSeconds of the state, or 0
 * @param taskToken         the token to answer with; null for activity tasks until claimed
 * @param activityArn       for activity approvals, the activity to claim the task from
 */
public record PendingApproval(String id, String executionArn, String state, long scheduledEventId, Source source,
                              String message, List<String> submitters, JsonNode parameters,
                              Map<String, String> metadata, Instant scheduledAt, Instant deadline,
                              int heartbeatSeconds, Secret taskToken, String activityArn, String activityInput)
        implements Serializable {

    /** How the approval was recognised. */
    public enum Source {
        /** a .waitForTaskToken task whose parameters carry a task token and an {@code approval} object */
        CONVENTION,
        /** a .waitForTaskToken task of a state named in the configured list */
        STATE_NAME,
        /** an activity task of a configured activity ARN */
        ACTIVITY
    }

    public PendingApproval {
        submitters = submitters == null ? List.of() : List.copyOf(submitters);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Whether {@code approver} (a name, no groups) may answer; an empty submitter list allows anyone. */
    public boolean allows(String approver) {
        return ApproverRule.CASE_INSENSITIVE.allows(submitters, ApproverRule.Approver.named(approver));
    }

    public PendingApproval withTaskToken(Secret token) {
        return new PendingApproval(id, executionArn, state, scheduledEventId, source, message, submitters, parameters,
                metadata, scheduledAt, deadline, heartbeatSeconds, token, activityArn, activityInput);
    }
}
