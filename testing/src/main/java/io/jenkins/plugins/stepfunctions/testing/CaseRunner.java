package io.jenkins.plugins.stepfunctions.testing;

import io.jenkins.plugins.stepfunctions.bridge.approval.Decision;
import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import io.jenkins.plugins.stepfunctions.bridge.launch.InputSource;
import io.jenkins.plugins.stepfunctions.bridge.launch.LaunchRequest;
import io.jenkins.plugins.stepfunctions.bridge.launch.Launcher;
import io.jenkins.plugins.stepfunctions.bridge.launch.StateMachineRef;
import io.jenkins.plugins.stepfunctions.bridge.render.RenderStyle;
import io.jenkins.plugins.stepfunctions.bridge.render.RenderedLine;
import io.jenkins.plugins.stepfunctions.bridge.result.HistoryJson;
import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import io.jenkins.plugins.stepfunctions.bridge.watch.Advance;
import io.jenkins.plugins.stepfunctions.bridge.watch.ExecutionFollower;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowListener;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowState;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowStats;
import io.jenkins.plugins.stepfunctions.bridge.watch.PollingPolicy;
import io.jenkins.plugins.stepfunctions.testing.TestCaseSpec.Approval;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Runs one test case the way a build runs an execution, through the bridge: the launcher starts
 * {@code arn#MockTestCase} with the case's input, a follower reads and renders the history, and each
 * approval it finds is answered as the case says (approve or reject, by the bridge's own {@code answer}).
 */
final class CaseRunner {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final SfnClient sfn;
    private final PollingPolicy polling;
    private final Duration limit;

    CaseRunner(SfnClient sfn, PollingPolicy polling, Duration limit) {
        this.sfn = sfn;
        this.polling = polling;
        this.limit = limit;
    }

    Observed run(String stateMachineArn, TestCaseSpec spec) throws InterruptedException {
        long started = System.nanoTime();
        String target = spec.mockTestCase() == null ? stateMachineArn : stateMachineArn + "#" + spec.mockTestCase();
        String name = (spec.name().replaceAll("[^A-Za-z0-9_-]", "-") + "-" + SEQUENCE.incrementAndGet());
        name = name.length() > 80 ? name.substring(name.length() - 80) : name;
        LaunchRequest launch = new LaunchRequest(StateMachineRef.of(target),
                List.of(new InputSource.JsonText(spec.input())), name, null);
        String executionArn = new Launcher(sfn).launch(launch).executionArn();

        Recorder recorder = new Recorder();
        ExecutionFollower follower = new ExecutionFollower(sfn, FollowState.start(executionArn), recorder, polling,
                Clock.systemUTC(), new Random(), new FollowStats());
        Deque<Approval> answers = new ArrayDeque<>(spec.approvals());
        long deadline = started + limit.toNanos();
        while (true) {
            Advance advance = follower.advance();
            if (advance instanceof Advance.Finished finished) {
                Outcome outcome = finished.outcome();
                if (!answers.isEmpty()) {
                    recorder.log.add("(sfn test) approvals never asked for: " + answers.stream().map(Approval::state).toList());
                }
                return new Observed(outcome.status(), outcome.error(), outcome.cause(), outcome.output(), recorder.entered,
                        recorder.events, recorder.log, Duration.ofNanos(System.nanoTime() - started));
            }
            for (PendingApproval pending : recorder.takePending()) {
                Approval answer = answers.peek();
                if (answer == null || !answer.state().equals(pending.state())) {
                    recorder.log.add("(sfn test) approval at " + pending.state() + " left unanswered: the test case"
                            + (answer == null ? " answers no more approvals" : " answers " + answer.state() + " next"));
                    continue;
                }
                answers.pop();
                Decision decision = answer.approve() ? Decision.approve(answer.approver(), answer.comment())
                        : Decision.reject(answer.approver(), answer.comment());
                recorder.log.add("(sfn test) " + (answer.approve() ? "approve " : "reject ") + pending.state() + " as "
                        + answer.approver() + ": " + follower.answer(pending.id(), decision));
            }
            if (System.nanoTime() > deadline) {
                sfn.stopExecution(b -> b.executionArn(executionArn).error("sfn.test.TimeLimit")
                        .cause("still running after " + limit.toSeconds() + " s of wall time"));
                return new Observed("STILL_RUNNING after " + limit.toSeconds() + " s", null, null, null, recorder.entered,
                        recorder.events, recorder.log, Duration.ofNanos(System.nanoTime() - started));
            }
            Thread.sleep(Math.max(1, ((Advance.Again) advance).delay().toMillis()));
        }
    }

    /** Keeps what the follower delivers: the states entered, the events, the rendered log, the approvals found. */
    private static final class Recorder implements FollowListener {
        final List<String> entered = new ArrayList<>();
        final List<ObjectNode> events = new ArrayList<>();
        final List<String> log = new ArrayList<>();
        private final List<PendingApproval> pending = new ArrayList<>();

        @Override
        public void line(RenderedLine line) {
            log.add(line.format(RenderStyle.PLAIN));
        }

        @Override
        public void event(HistoryEvent event) {
            events.add(HistoryJson.event(event));
            if (event.typeAsString().endsWith("StateEntered")) {
                entered.add(event.stateEnteredEventDetails().name());
            }
        }

        @Override
        public void approvalPending(PendingApproval approval) {
            pending.add(approval);
        }

        List<PendingApproval> takePending() {
            List<PendingApproval> taken = List.copyOf(pending);
            pending.clear();
            return taken;
        }
    }
}
