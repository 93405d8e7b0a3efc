package io.jenkins.plugins.stepfunctions.plugin.follow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import io.jenkins.plugins.stepfunctions.bridge.callback.SharedStatusListeners;
import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;
import io.jenkins.plugins.stepfunctions.bridge.render.RenderStyle;
import io.jenkins.plugins.stepfunctions.bridge.render.RenderedLine;
import io.jenkins.plugins.stepfunctions.bridge.result.ExecutionJUnit;
import io.jenkins.plugins.stepfunctions.bridge.result.HistoryJson;
import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import io.jenkins.plugins.stepfunctions.bridge.watch.ExecutionFollower;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowListener;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowState;
import io.jenkins.plugins.stepfunctions.bridge.watch.Following;
import io.jenkins.plugins.stepfunctions.plugin.build.ExecutionRecord;
import io.jenkins.plugins.stepfunctions.plugin.build.StepFunctionsRunAction;
import io.jenkins.plugins.stepfunctions.plugin.runtime.JenkinsServices;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * One build following one execution: the bridge's follower on Jenkins' shared scheduler, its lines in the
 * build log, its states and approvals on the build page, its events in the build's history file.
 * Used alike by the Pipeline steps (asynchronously) and the freestyle step (which waits for the result).
 */
public final class ExecutionWatch {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JenkinsServices services;
    private final AwsClients clients;
    private final FollowState state;
    private final PrintStream log;
    private final RenderStyle style;
    private final StepFunctionsRunAction action;
    private final ExecutionRecord record;
    private final Runnable progress;
    private final Secret callbackSecret;
    private final String eventQueueUrl;
    private final ApprovalPrompt prompt;
    private ExecutionFollower follower;
    private Following following;
    private SharedStatusListeners.Subscription statusEvents;

    private ExecutionWatch(Builder b) {
        this.services = b.services;
        this.clients = b.clients;
        this.state = b.state;
        this.log = b.log;
        this.style = b.style;
        this.action = b.action;
        this.record = action.record(state.executionArn(), ConsoleUrls.execution(clients.connection(), state.executionArn()));
        this.progress = b.progress;
        this.callbackSecret = b.callbackSecret;
        this.eventQueueUrl = b.eventQueueUrl;
        this.prompt = b.prompt != null ? b.prompt : new BuildPagePrompt(services, log, action);
    }

    /** A watch of {@code state}'s execution, printing to {@code log} and recording on {@code action}. */
    public static Builder of(JenkinsServices services, AwsClients clients, FollowState state, PrintStream log,
            StepFunctionsRunAction action) {
        return new Builder(services, clients, state, log, action);
    }

    /** The optional parts of a watch, named; the defaults are those of a plain polling follow. */
    public static final class Builder {
        private final JenkinsServices services;
        private final AwsClients clients;
        private final FollowState state;
        private final PrintStream log;
        private final StepFunctionsRunAction action;
        private RenderStyle style = RenderStyle.PLAIN;
        private Runnable progress = () -> { };
        private Secret callbackSecret;
        private String eventQueueUrl;
        private ApprovalPrompt prompt;

        private Builder(JenkinsServices services, AwsClients clients, FollowState state, PrintStream log,
                StepFunctionsRunAction action) {
            this.services = services;
            this.clients = clients;
            this.state = state;
            this.log = log;
            this.action = action;
        }

        public Builder style(RenderStyle style) {
            this.style = style;
            return this;
        }

        /** Called after events were delivered (the Pipeline step saves its state there). */
        public Builder progress(Runnable progress) {
            this.progress = progress;
            return this;
        }

        /** The secret of the execution's callback URL (callback wait mode). */
        public Builder callbackSecret(Secret callbackSecret) {
            this.callbackSecret = callbackSecret;
            return this;
        }

        /** The SQS queue of EventBridge status-change events that wake the follower (sqs wait mode). */
        public Builder eventQueueUrl(String eventQueueUrl) {
            this.eventQueueUrl = eventQueueUrl;
            return this;
        }

        /** Where people are asked to answer approvals; default the build page. */
        public Builder prompt(ApprovalPrompt prompt) {
            this.prompt = prompt;
            return this;
        }

        public ExecutionWatch build() {
            return new ExecutionWatch(this);
        }
    }

    /** Starts following; completes with the outcome, or exceptionally when following fails or is cancelled. */
    public synchronized CompletableFuture<Outcome> start() {
        keepDefinition();
        action.followingStarted(record, log);
        follower = new ExecutionFollower(clients.sfnNoRetry(), state, new BuildListener(),
                services.pollingPolicy(callbackSecret != null || eventQueueUrl != null), null, null, null);
        // approvals that were pending when the build was saved are pending again after a restart
        state.pendingApprovals().forEach(a -> {
            action.approvalPending(record, a);
            prompt.opened(a, true);
        });
        services.activeExecutions().add(follower);
        following = services.followScheduler().follow(follower, clients.connection().budgetKey());
        services.activeExecutions().scheduled(following);
        if (eventQueueUrl != null) {
            // held while this build follows; the queue's listener stops once no build holds it
            SharedStatusListeners.Subscription events = services.listenToStatusEvents(clients.connection(), eventQueueUrl);
            statusEvents = events;
            following.result().whenComplete((outcome, error) -> events.close());
        }
        following.result().whenComplete((outcome, error) -> prompt.closeAll("the build stopped following"));
        if (callbackSecret != null) {
            services.callbacks().bind(callbackSecret, state.executionArn());
            following.result().whenComplete((outcome, error) -> services.callbacks().release(state.executionArn()));
        }
        // the record says the build stopped following before the caller hears the outcome (and may end the build),
        // so an open build page stops polling as soon as the history it reads cannot grow any more
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        following.result().whenComplete((outcome, error) -> {
            action.followingStopped(record);
            if (error != null) {
                done.completeExceptionally(error);
            } else {
                done.complete(outcome);
            }
        });
        return done;
    }

    /**
     * Reads the definition once per execution (a resumed build has it already) and keeps it beside the history,
     * so the build page draws the graph without asking AWS again. Without it the view still shows the states the
     * history reveals: a failure here is said in the log and following goes on.
     */
    private void keepDefinition() {
        if (action.hasDefinition(record)) {
            return;
        }
        try {
            action.saveDefinition(record, clients.sfn().describeStateMachineForExecution(
                    b -> b.executionArn(state.executionArn())).definition());
        } catch (SdkException | IOException | UncheckedIOException e) {
            log.println("Could not read the definition of " + state.executionArn() + " for the build page (" + e.getMessage()
                    + "); its live view shows the states as the history reveals them");
        }
    }

    /**
     * What to hold while saving the follower's state, so that no advance changes it half way: the state itself,
     * which the follower holds only while delivering events, never across a call to AWS.
     */
    public Object stateLock() {
        return state;
    }

    public synchronized void cancel() {
        if (following != null) {
            following.cancel();
            services.activeExecutions().remove(follower);
            if (statusEvents != null) {
                statusEvents.close();
            }
            prompt.closeAll("the build stopped following");
            action.followingStopped(record);
        }
    }

    public ExecutionRecord record() {
        return record;
    }

    /** The execution as JUnit XML: a test case per state (see {@link ExecutionJUnit}). */
    public String junitXml(Outcome outcome) {
        return ExecutionJUnit.render(ExecutionJUnit.stateMachineName(state.executionArn()), outcome, state.renderer().stateStats());
    }

    public StepFunctionsRunAction action() {
        return action;
    }

    /** Writes what the follower finds where Jenkins users look; runs on the scheduler's thread. */
    private final class BuildListener implements FollowListener {
        @Override
        public void line(RenderedLine line) {
            log.println(line.format(style));
            action.states(record, state.renderer().stateStats());
            progress.run();
        }

        @Override
        public void event(HistoryEvent event) {
            ObjectNode json = HistoryJson.event(event);
            action.appendHistory(record, callbackSecret == null ? json : withoutCallbackSecret(json));
        }

        /**
         * The callback URL (and its secret) rides in the execution's input and every state that passes it on;
         * the build page shows it redacted. The secret is URL-safe base64, so it reads the same inside JSON text.
         */
        private ObjectNode withoutCallbackSecret(ObjectNode json) {
            String text = json.toString();
            String secret = callbackSecret.reveal();
            if (!text.contains(secret)) {
                return json;
            }
            try {
                return (ObjectNode) JSON.readTree(text.replace(secret, callbackSecret.redacted()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("replacing URL-safe characters cannot break JSON", e);
            }
        }

        @Override
        public void approvalPending(PendingApproval approval) {
            action.approvalPending(record, approval);
            prompt.opened(approval, false);
            progress.run();
        }

        @Override
        public void approvalClosed(PendingApproval approval, String reason) {
            action.approvalClosed(record, approval, reason);
            prompt.closed(approval, reason);
            progress.run();
        }
    }
}
