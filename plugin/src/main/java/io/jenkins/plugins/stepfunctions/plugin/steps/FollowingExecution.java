package io.jenkins.plugins.stepfunctions.plugin.steps;

import hudson.AbortException;
import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;
import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import io.jenkins.plugins.stepfunctions.plugin.follow.AbortedBuilds;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowState;
import io.jenkins.plugins.stepfunctions.plugin.follow.ExecutionWatch;
import io.jenkins.plugins.stepfunctions.plugin.follow.FollowOptions;
import io.jenkins.plugins.stepfunctions.plugin.follow.JavaSerialization;
import io.jenkins.plugins.stepfunctions.plugin.follow.ResultMap;
import io.jenkins.plugins.stepfunctions.plugin.input.ApprovalInputs;
import io.jenkins.plugins.stepfunctions.plugin.runtime.JenkinsServices;
import io.jenkins.plugins.stepfunctions.plugin.runtime.WorkspaceFiles;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Follows an execution to its end without holding a thread: the bridge's follower is advanced on the plugin's
 * own pool (Jenkins' shared Timer only schedules), and the Pipeline VM thread is never blocked.
 * Every path that ends the step catches {@link Throwable}: an Error (a NoSuchMethodError from a mismatched
 * library) fails the step instead of leaving the build waiting for good. What it must remember across a controller
 * restart is the follow state (history cursor, renderer, approvals), saved with the Pipeline program;
 * {@link #onResume()} picks up from that cursor, so no event is printed twice.
 */
abstract class FollowingExecution extends StepExecution {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final long SAVE_INTERVAL_MILLIS = 2000;

    protected final StepContext context;
    protected final FollowOptions follow;
    private transient FollowState state;
    private long deadlineMillis;
    private String callbackSecret;

    private transient volatile BuildContext build;
    private transient volatile AwsClients clients;
    private transient volatile ExecutionWatch watch;
    private transient volatile ScheduledFuture<?> timeout;
    private transient volatile boolean stopping;
    /** The context was completed (the step's result or failure): never twice, whichever path comes first. */
    private transient boolean completed;
    private transient long lastSaveMillis;

    FollowingExecution(StepContext context, FollowOptions follow) {
        super(context);
        this.context = context;
        this.follow = follow;
    }

    /**
     * The secret of this step's callback URL, made on first use and kept across restarts (as a plain string:
     * the Pipeline program is not written with Java serialisation).
     */
    protected final Secret callbackSecret() {
        if (callbackSecret == null) {
            callbackSecret = build.services().callbacks().issue().reveal();
        }
        return Secret.of(callbackSecret);
    }

    /** Starts or finds the execution to follow; runs on the plugin's pool, never on the Pipeline VM thread. */
    protected abstract FollowState begin(BuildContext build, AwsClients clients) throws Exception;

    @Override
    public boolean start() throws Exception {
        follow.style();
        follow.waitMode();
        follow.approvals();
        JenkinsServices.of(context).executor().execute(() -> {
            if (connect()) {
                beginAndFollow();
            }
        });
        return false;
    }

    @Override
    public void onResume() {
        JenkinsServices services;
        try {
            services = JenkinsServices.of(context);
        } catch (Throwable e) {
            fail(e);
            return;
        }
        services.executor().execute(() -> {
            if (!connect()) {
                return;
            }
            if (stopping) {
                // the build was aborted before this step resumed: the stop is honoured now that there are clients
                stopQuietly();
                closeClients();
                return;
            }
            if (state == null) {
                build.log().println("Resuming: starting (or attaching to) the execution again");
                beginAndFollow();
            } else {
                build.log().println("Resuming to follow " + state.executionArn() + " after event "
                        + state.cursor().lastEventId());
                followNow();
            }
        });
    }

    /**
     * Looks up what the step needs from Jenkins and resolves the connection (a credential lookup, an STS call for
     * a role): on the plugin's pool, never on the Pipeline VM thread. False when the step failed instead.
     */
    private boolean connect() {
        try {
            BuildContext resolved = BuildContext.of(context);
            clients = resolved.clients();
            build = resolved;
            return true;
        } catch (Throwable e) {
            fail(e);
            return false;
        }
    }

    private void beginAndFollow() {
        try {
            if (stopping) {
                closeClients();
                return;
            }
            FollowState begun = begin(build, clients);
            if (follow.getTimeoutMinutes() > 0) {
                deadlineMillis = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(follow.getTimeoutMinutes());
            }
            state = begun;
            context.saveState();
            if (stopping) {
                stopQuietly();
                closeClients();
                return;
            }
            followNow();
        } catch (Throwable e) {
            fail(e);
        }
    }

    private void followNow() {
        try {
            ExecutionWatch started = ExecutionWatch.of(build.services(), clients, state, build.log(), build.action())
                    .style(follow.style())
                    .progress(this::progress)
                    .callbackSecret(follow.callbacks() ? callbackSecret() : null)
                    .eventQueueUrl(follow.waitMode() == FollowOptions.WaitMode.SQS ? follow.getEventQueueUrl() : null)
                    .prompt(follow.approvals() == FollowOptions.Approvals.INPUT
                            ? new ApprovalInputs(context, build.services(), build.log()) : null)
                    .build();
            watch = started;
            if (deadlineMillis > 0) {
                timeout = build.services().timer().schedule(this::timedOut,
                        Math.max(0, deadlineMillis - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            }
            started.start().whenComplete((outcome, error) -> {
                if (stopping) {
                    return;
                }
                if (error != null) {
                    fail(error);
                } else {
                    finish(started, outcome);
                }
            });
        } catch (Throwable e) {
            fail(e);
        }
    }

    private void progress() {
        long now = System.currentTimeMillis();
        if (now - lastSaveMillis >= SAVE_INTERVAL_MILLIS) {
            lastSaveMillis = now;
            context.saveState();
        }
    }

    private void finish(ExecutionWatch finished, Outcome outcome) {
        cancelTimeout();
        try {
            String outputFile = follow.getOutputFile();
            if (outputFile != null) {
                workspace("outputFile").write(outputFile, ResultMap.outputJson(outcome));
            }
            if (follow.getHistoryFile() != null) {
                workspace("historyFile").write(follow.getHistoryFile(),
                        finished.action().historyJson(finished.record()));
            }
            if (follow.getJunitFile() != null) {
                workspace("junitFile").write(follow.getJunitFile(), finished.junitXml(outcome));
            }
            if (follow.getReportFile() != null) {
                workspace("reportFile").write(follow.getReportFile(), finished.action().reportHtml(finished.record()));
            }
            finished.action().finished(finished.record(), outcome, outputFile);
            context.saveState();
            if (!outcome.succeeded() && follow.isPropagate()) {
                complete(null, new AbortException(capitalised(outcome.describe())));
            } else {
                complete(ResultMap.of(outcome), null);
            }
        } catch (Throwable e) {
            fail(e);
        } finally {
            clients.close();
        }
    }

    private WorkspaceFiles workspace(String field) throws AbortException {
        if (build.workspace() == null) {
            throw new AbortException(field + ": writing a workspace file needs a workspace; call the step inside"
                    + " node { } or leave " + field + " empty");
        }
        return build.workspace();
    }

    private void timedOut() {
        if (stopping || state == null || state.outcome() != null) {
            return;
        }
        build.log().println("Timed out after " + follow.getTimeoutMinutes() + " minutes waiting for " + state.executionArn());
        stop(new AbortException("timeoutMinutes: execution " + state.executionArn() + " did not end within "
                + follow.getTimeoutMinutes() + " minutes; raise timeoutMinutes or set it to 0 to wait without limit"));
    }

    @Override
    public void stop(Throwable cause) {
        boolean again;
        synchronized (this) {
            again = stopping;
            stopping = true;
        }
        if (again) {
            // a second stop: the first is still stopping the execution; the build need not wait for it
            complete(null, cause);
            return;
        }
        cancelTimeout();
        ExecutionWatch current = watch;
        if (current != null) {
            current.cancel();
        }
        BuildContext resolved = build;
        if (state == null || resolved == null) {
            // the start is still under way (beginAndFollow stops the execution once it knows the ARN), or the
            // controller has not resumed this step yet (onResume stops it then): the build need not wait for either
            complete(null, cause);
            return;
        }
        try {
            resolved.services().executor().execute(() -> {
                try {
                    stopQuietly();
                } finally {
                    closeClients();
                    complete(null, cause);
                }
            });
        } catch (Throwable e) {
            complete(null, cause);
        }
    }

    private void stopQuietly() {
        try {
            if (state != null) {
                stopExecution();
            }
        } catch (Throwable e) {
            build.log().println("Could not stop " + state.executionArn() + ": " + UserErrors.forBuild(e).getMessage());
        }
    }

    private void closeClients() {
        AwsClients current = clients;
        if (current != null) {
            current.close();
        }
    }

    /** Completes the context once: with {@code failure} when it is not null, else with {@code value}. */
    private void complete(Object value, Throwable failure) {
        synchronized (this) {
            if (completed) {
                return;
            }
            completed = true;
        }
        if (failure != null) {
            context.onFailure(failure);
        } else {
            context.onSuccess(value);
        }
    }

    /** Aborting the build stops the execution unless {@code stopOnAbort: false}; the log says which. */
    private void stopExecution() {
        if (state.outcome() == null) {
            AbortedBuilds.stop(clients, state.executionArn(), follow.isStopOnAbort(),
                    build.env().getOrDefault("BUILD_TAG", ""), build.log(), build.action());
        }
    }

    private void fail(Throwable error) {
        cancelTimeout();
        closeClients();
        if (stopping) {
            return;
        }
        complete(null, UserErrors.forBuild(error));
    }

    private void cancelTimeout() {
        ScheduledFuture<?> pending = timeout;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    @Override
    public String getStatus() {
        FollowState current = state;
        return current == null ? "starting the execution"
                : "following " + current.executionArn() + " after event " + current.cursor().lastEventId();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The follow state is written as plain Java serialisation bytes, consistent with the follower's last advance. */
    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        ExecutionWatch current = watch;
        byte[] bytes = null;
        if (state != null) {
            // never waits for a call to AWS: the follower holds this lock only while it delivers events
            synchronized (current != null ? current.stateLock() : state) {
                bytes = JavaSerialization.write(state);
            }
        }
        out.defaultWriteObject();
        out.writeObject(bytes);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        byte[] bytes = (byte[]) in.readObject();
        state = bytes == null ? null : JavaSerialization.read(bytes, FollowState.class);
    }
}
