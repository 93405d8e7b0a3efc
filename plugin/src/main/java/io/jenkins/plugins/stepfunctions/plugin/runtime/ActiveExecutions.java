package io.jenkins.plugins.stepfunctions.plugin.runtime;

import io.jenkins.plugins.stepfunctions.bridge.approval.AnswerResult;
import io.jenkins.plugins.stepfunctions.bridge.approval.Decision;
import io.jenkins.plugins.stepfunctions.bridge.watch.Following;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The executions this controller is following, by execution ARN: where the build page's Approve/Reject
 * and the callback endpoint find the live follower. Only a follower can answer an approval, because it
 * holds the task token and knows whether the task is still open.
 */
public final class ActiveExecutions {
    private final Map<String, Following> byArn = new ConcurrentHashMap<>();

    public void add(Following following) {
        String arn = following.follower().executionArn();
        byArn.put(arn, following);
        following.result().whenComplete((outcome, error) -> byArn.remove(arn, following));
    }

    public void remove(Following following) {
        byArn.remove(following.follower().executionArn(), following);
    }

    public Optional<Following> find(String executionArn) {
        return Optional.ofNullable(byArn.get(executionArn));
    }

    /**
     * Answers an approval of a followed execution. The caller has already applied Jenkins' rule for who may
     * answer (users, groups, administrators: see {@code ApproverCheck}); the bridge's own check knows user
     * names only and would refuse a group member or an administrator that Jenkins allows.
     *
     * @return empty when this controller does not follow the execution (finished, or not resumed yet)
     */
    public Optional<AnswerResult> answer(String executionArn, String approvalId, Decision decision) {
        return find(executionArn).map(f -> f.follower().answer(approvalId, decision, false));
    }

    /** A callback said the execution moved: poll it now. */
    public boolean wake(String executionArn) {
        Optional<Following> following = find(executionArn);
        following.ifPresent(Following::wake);
        return following.isPresent();
    }
}
