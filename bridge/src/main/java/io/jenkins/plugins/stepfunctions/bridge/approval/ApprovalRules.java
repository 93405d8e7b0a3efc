package io.jenkins.plugins.stepfunctions.bridge.approval;

import java.io.Serializable;
import java.util.List;

/**
 * Which tasks are approvals besides the {@code approval}-object convention, which is always on.
 *
 * @param stateNames   .waitForTaskToken states that are approvals whatever their parameters
 * @param activityArns activities whose tasks (of this execution) are approvals
 */
public record ApprovalRules(List<String> stateNames, List<String> activityArns) implements Serializable {
    public ApprovalRules {
        stateNames = stateNames == null ? List.of() : List.copyOf(stateNames);
        activityArns = activityArns == null ? List.of() : List.copyOf(activityArns);
    }

    public static ApprovalRules conventionOnly() {
        return new ApprovalRules(List.of(), List.of());
    }
}
