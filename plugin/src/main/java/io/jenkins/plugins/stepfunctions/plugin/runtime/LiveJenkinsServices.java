package io.jenkins.plugins.stepfunctions.plugin.runtime;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.console.HyperlinkNote;
import hudson.model.Run;
import hudson.model.User;
import hudson.security.SecurityRealm;
import io.jenkins.plugins.stepfunctions.bridge.approval.ApproverRule;
import io.jenkins.plugins.stepfunctions.bridge.callback.CallbackRegistry;
import io.jenkins.plugins.stepfunctions.bridge.callback.SharedStatusListeners;
import io.jenkins.plugins.stepfunctions.bridge.callback.SqsStatusListener;
import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.bridge.connect.Connection;
import io.jenkins.plugins.stepfunctions.bridge.connect.CredentialsSpec;
import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowScheduler;
import io.jenkins.plugins.stepfunctions.bridge.watch.PollingPolicy;
import io.jenkins.plugins.stepfunctions.bridge.watch.RateBudget;
import io.jenkins.plugins.stepfunctions.plugin.connect.RenewingCredentials;
import io.jenkins.plugins.stepfunctions.plugin.connect.SecurityPolicy;
import io.jenkins.plugins.stepfunctions.plugin.connect.StepFunctionsGlobalConfiguration;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jenkins.model.IdStrategy;
import jenkins.model.Jenkins;
import jenkins.util.Timer;
import org.springframework.security.core.GrantedAuthority;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The running Jenkins' services: Jenkins' shared {@link Timer} to schedule, the plugin's own bounded pool of
 * daemon threads for network calls and workspace I/O (no thread per build), the credentials plugin, console
 * hyperlinks, the current user. One instance per controller, as an extension. The pool's threads are daemons
 * that end after a minute idle; they are not shut down explicitly (the declared Jenkins API has no lifecycle
 * hook for it), which a controller shutting down does not need.
 */
@Extension
public final class LiveJenkinsServices implements JenkinsServices {
    /** Calls in flight at once, for all builds; more wait in the queue (each call is short). */
    static final int IO_THREADS = 8;
    private final ThreadPoolExecutor executor = daemonPool("sfn-io", IO_THREADS);
    private final ActiveExecutions activeExecutions = new ActiveExecutions();
    private final CallbackRegistry callbacks = new CallbackRegistry(activeExecutions::wake);
    private final SharedStatusListeners statusListeners = new SharedStatusListeners();
    private FollowScheduler followScheduler;

    @Override
    public synchronized FollowScheduler followScheduler() {
        if (followScheduler == null) {
            followScheduler = new FollowScheduler(Timer.get(), executor,
                    budgetKey -> new RateBudget(RateBudget.DEFAULT_CALLS_PER_SECOND));
        }
        return followScheduler;
    }

    @Override
    public PollingPolicy pollingPolicy(boolean callbacks) {
        return callbacks ? PollingPolicy.withCallbacks() : PollingPolicy.defaults();
    }

    @Override
    public CallbackRegistry callbacks() {
        return callbacks;
    }

    @Override
    public SharedStatusListeners.Subscription listenToStatusEvents(Connection connection, String queueUrl) {
        return statusListeners.subscribe(connection.budgetKey() + "|" + queueUrl, () -> {
            AwsClients clients = new AwsClients(connection);
            SqsStatusListener listener = new SqsStatusListener(clients.sqs(), queueUrl, callbacks)
                    .start(executor, Timer.get());
            return () -> {
                listener.close();
                clients.close();
            };
        });
    }

    @Override
    public ScheduledExecutorService timer() {
        return Timer.get();
    }

    @Override
    public ExecutorService executor() {
        return executor;
    }

    /** A fixed number of named daemon threads that end when idle, with an unbounded queue (nothing is refused). */
    static ThreadPoolExecutor daemonPool(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public ActiveExecutions activeExecutions() {
        return activeExecutions;
    }

    @Override
    public CredentialsSpec credentials(String credentialsId, Run<?, ?> run) throws IOException {
        AmazonWebServicesCredentials credential =
                CredentialsProvider.findCredentialById(credentialsId, AmazonWebServicesCredentials.class, run, List.of());
        if (credential == null) {
            throw new AbortException("credentialsId: no credential '" + credentialsId
                    + "' of kind 'AWS Credentials' is visible to this build; add one under Manage Jenkins > Credentials"
                    + " (or in the job's folder) or fix the ID");
        }
        CredentialsProvider.track(run, credential);
        try {
            return new CredentialsSpec.Supplied(RenewingCredentials.of(credential, credentialsId), credentialsId);
        } catch (SdkException e) {
            throw new AbortException(e.getMessage().startsWith("credentialsId:") ? e.getMessage()
                    : "credentialsId: the AWS credential '" + credentialsId + "' could not be resolved (" + e.getMessage()
                            + "); check its keys and role under Manage Jenkins > Credentials");
        }
    }

    @Override
    public SecurityPolicy securityPolicy() {
        return ExtensionList.lookupSingleton(StepFunctionsGlobalConfiguration.class).policy();
    }

    @Override
    public WorkspaceFiles workspace(FilePath workspace) {
        return workspace == null ? null : new FilePathWorkspace(workspace);
    }

    @Override
    public String consoleLink(String url, String text) {
        return HyperlinkNote.encodeTo(url, text);
    }

    @Override
    public String rootUrl() {
        return Jenkins.get().getRootUrl();
    }

    @Override
    public String currentUserId() {
        User user = User.current();
        return user == null ? null : user.getId();
    }

    @Override
    public List<String> currentUserGroups() {
        return Jenkins.getAuthentication2().getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Override
    public ApproverRule approverRule() {
        SecurityRealm realm = Jenkins.get().getSecurityRealm();
        IdStrategy users = realm.getUserIdStrategy();
        IdStrategy groups = realm.getGroupIdStrategy();
        return new ApproverRule(users::equals, groups::equals);
    }

    @Override
    public boolean currentUserIsAdministrator() {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
    }
}
