package io.jenkins.plugins.stepfunctions.bridge.approval;

import java.util.Collection;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Who may answer an approval, one rule for the CLI, the build page and the freestyle step (the Pipeline
 * {@code input} step applies the same rule itself): without named submitters, anyone allowed to answer at all
 * (in Jenkins: who may build the job); with them, a named user, a member of a named group, or an
 * administrator. How two ids compare is the caller's: Jenkins' security realm decides it (its user and group
 * {@code IdStrategy}, case-insensitive by default); the CLI compares case-insensitively.
 *
 * @param sameUser  whether a submitter entry names this user id
 * @param sameGroup whether a submitter entry names this group
 */
public record ApproverRule(BiPredicate<String, String> sameUser, BiPredicate<String, String> sameGroup) {
    /** Case-insensitive ids, as Jenkins' default IdStrategy and the CLI compare them. */
    public static final ApproverRule CASE_INSENSITIVE = new ApproverRule(String::equalsIgnoreCase, String::equalsIgnoreCase);

    /** The person answering, as the caller knows them. */
    public record Approver(String userId, Collection<String> groups, boolean administrator, boolean mayAnswerUnnamed) {
        /** Someone the CLI or a script answers for: a name, no groups, allowed when no submitter is named. */
        public static Approver named(String userId) {
            return new Approver(userId, List.of(), false, true);
        }
    }

    public boolean allows(List<String> submitters, Approver approver) {
        if (submitters.isEmpty()) {
            return approver.mayAnswerUnnamed();
        }
        if (approver.administrator()) {
            return true;
        }
        for (String entry : submitters) {
            String submitter = entry.trim();
            if (approver.userId() != null && sameUser.test(approver.userId().trim(), submitter)) {
                return true;
            }
            for (String group : approver.groups()) {
                if (sameGroup.test(group, submitter)) {
                    return true;
                }
            }
        }
        return false;
    }
}
