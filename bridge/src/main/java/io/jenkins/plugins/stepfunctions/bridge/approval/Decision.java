package io.jenkins.plugins.stepfunctions.bridge.approval;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A person's answer. Approve sends SendTaskSuccess with
 * {@code {"approved":true,"approver":..,"comment":..,"parameters":{..}}}; reject sends SendTaskFailure
 * with error {@value #REJECTED_ERROR} and that same object (approved false) as cause.
 *
 * @param parameters values the approver filled in (null: the approval's own parameters)
 */
public record Decision(boolean approved, String approver, String comment, JsonNode parameters) {
    /** The error a rejected approval fails its task with; a state machine catches it to roll back. */
    public static final String REJECTED_ERROR = "Approval.Rejected";

    public static Decision approve(String approver, String comment) {
        return new Decision(true, approver, comment, null);
    }

    public static Decision reject(String approver, String comment) {
        return new Decision(false, approver, comment, null);
    }
}
