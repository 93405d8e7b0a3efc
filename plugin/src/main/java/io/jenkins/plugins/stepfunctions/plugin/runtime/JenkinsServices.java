package io.jenkins.plugins.stepfunctions.plugin.runtime;

import hudson.ExtensionList;
import hudson.FilePath;
import hudson.model.Run;
import io.jenkins.plugins.stepfunctions.bridge.callback.CallbackRegistry;
import io.jenkins.plugins.stepfunctions.bridge.callback.SharedStatusListeners;
import io.jenkins.plugins.stepfunctions.bridge.connect.Connection;
import io.jenkins.plugins.stepfunctions.bridge.connect.CredentialsSpec;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowScheduler;
import io.jenkins.plugins.stepfunctions.bridge.approval.ApproverRule;
import io.jenkins.plugins.stepfunctions.bridge.watch.PollingPolicy;
import io.jenkins.plugins.stepfunctions.plugin.connect.SecurityPolicy;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * What the plugin needs from the running Jenkins beyond the objects a step or build step is handed:
 * threads, credentials, links, the current user. One interface so that tests can supply their own
 * (Jenkins' static entry points cannot run outside Jenkins) and so that the rest of the plugin never
 * calls a Jenkins singleton directly.
 */
public interface JenkinsServices {

    /**
     * Follows executions: Jenkins' shared {@code Timer} keeps the time, the history calls run on
     * {@link #executor()}; one rate budget per account/region.
     */
    FollowScheduler followScheduler();

    /**
     * How often to poll an execution's history: quick while it moves, backing off while it idles; with
     * callbacks only a slow safety poll, since the execution says when it moved.
     */
    PollingPolicy pollingPolicy(boolean callbacks);

    /** The bridge's callback secrets, one per execution followed with callbacks; a callback wakes its follower. */
    CallbackRegistry callbacks();

    /**
     * Makes sure that EventBridge status-change events arriving on {@code queueUrl} wake their followers: one
     * long-polling listener per queue and connection on the plugin's executor, shared by every build that waits
     * on that queue. The listener stops when the last build closes its subscription.
     */
    SharedStatusListeners.Subscription listenToStatusEvents(Connection connection, String queueUrl);

    /**
     * Schedules (timeouts, follower wake-ups) and nothing else: Jenkins' shared Timer has a few threads for the
     * whole controller, so no network call or workspace I/O may run on it.
     */
    ScheduledExecutorService timer();

    /**
     * Runs the plugin's network calls (start, stop, answer, history polls, credential resolution) and workspace
     * I/O, off the Pipeline VM thread and off the Timer: the plugin's own bounded pool of daemon threads.
     */
    ExecutorService executor();

    /** The executions this controller follows right now, for Approve/Reject and callbacks. */
    ActiveExecutions activeExecutions();

    /**
     * The AWS keys of a Jenkins credential, as the build may use it (the credentials plugin tracks the use).
     *
     * @throws IOException when there is no such credential of the AWS type visible to the build
     */
    CredentialsSpec credentials(String credentialsId, Run<?, ?> run) throws IOException;

    /** What an administrator lets builds do with AWS (Manage Jenkins > System); safe defaults. */
    SecurityPolicy securityPolicy();

    /** Files of a workspace (on whichever agent holds it), or null when the step has no workspace. */
    WorkspaceFiles workspace(FilePath workspace);

    /** Text that the console renders as a link to {@code url} (relative to Jenkins' root, or absolute). */
    String consoleLink(String url, String text);

    /** Jenkins' configured root URL ending in {@code /}, or null when none is configured. */
    String rootUrl();

    /** The id of the user making the current HTTP request, or null for anonymous. */
    String currentUserId();

    /**
     * The groups of the user making the current request, from the request's authentication (the user record's
     * own list is empty for anyone but administrators, and outdated).
     */
    List<String> currentUserGroups();

    /** How this controller compares user and group ids (its security realm's IdStrategy), for approvals. */
    ApproverRule approverRule();

    /** Whether the user making the current request administers Jenkins. */
    boolean currentUserIsAdministrator();

    /** The services a step's context provides (tests), or the running Jenkins' own. */
    static JenkinsServices of(StepContext context) throws IOException, InterruptedException {
        JenkinsServices supplied = context.get(JenkinsServices.class);
        return supplied != null ? supplied : live();
    }

    /** The running Jenkins' services. */
    static JenkinsServices live() {
        return ExtensionList.lookupSingleton(LiveJenkinsServices.class);
    }
}
