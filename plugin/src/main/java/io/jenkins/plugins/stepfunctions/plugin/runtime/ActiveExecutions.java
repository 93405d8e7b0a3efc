package io.jenkins.plugins.stepfunctions.plugin.runtime;

import io.jenkins.plugins.stepfunctions.bridge.approval.AnswerResult;
import io.jenkins.plugins.stepfunctions.bridge.approval.Decision;
import io.jenkins.plugins.stepfunctions.bridge.watch.ExecutionFollower;
import io.jenkins.plugins.stepfunctions.bridge.watch.Following;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The executions this controller is following, by execution ARN: where the build page's Approve/Reject
 * and the callback endpoint find the live follower. Only a follower can answer an approval, because it
 * holds the task token and knows whether the task is still open. A follower is registered before it is
 * scheduled, so that an approval its first poll finds can be answered at once.
 */
public final class ActiveExecutions {
    private final Map<String, Entry> byArn = new ConcurrentHashMap<>();

    private static final class Entry {
        private final ExecutionFollower follower;
        private volatile Following following;

        Entry(ExecutionFollower follower) {
            this.follower = follower;
        }

        void wake() {
            Following scheduled = following;
            if (scheduled != null) {
                scheduled.wake();
            } else {
                follower.wake();
            }
        }
    }

    /** A follower about to be scheduled. */
    public void add(ExecutionFollower follower) {
        byArn.put(follower.executionArn(), new Entry(follower));
    }

    /** The follower is scheduled: callbacks can make it poll now; it leaves when it stops following. */
    public void scheduled(Following following) {
        String arn = following.follower().executionArn();
        Entry entry = byArn.get(arn);
        if (entry != null && entry.follower == following.follower()) {
            entry.following = following;
            following.result().whenComplete((outcome, error) -> byArn.remove(arn, entry));
        }
    }

    public void remove(ExecutionFollower follower) {
        Entry entry = byArn.get(follower.executionArn());
        if (entry != null && entry.follower == follower) {
            byArn.remove(follower.executionArn(), entry);
        }
    }

    public boolean isFollowing(String executionArn) {
        return byArn.containsKey(executionArn);
    }

    /**
     * Answers an approval of a followed execution. The caller has already applied Jenkins' rule for who may
     * answer (users, groups, administrators: the bridge's {@code ApproverRule} with Jenkins' IdStrategy); the bridge's own check knows user
     * names only and would refuse a group member or an administrator that Jenkins allows.
     *
     * @return empty when this controller does not follow the execution (finished, or not resumed yet)
     */
    public Optional<AnswerResult> answer(String executionArn, String approvalId, Decision decision) {
        return Optional.ofNullable(byArn.get(executionArn)).map(e -> e.follower.answer(approvalId, decision, false));
    }

    /** A callback said the execution moved: poll it now. */
    public boolean wake(String executionArn) {
        Entry entry = byArn.get(executionArn);
        if (entry != null) {
            entry.wake();
        }
        return entry != null;
    }
}
