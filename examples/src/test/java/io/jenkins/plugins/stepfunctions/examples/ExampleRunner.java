package io.jenkins.plugins.stepfunctions.examples;

import io.jenkins.plugins.stepfunctions.bridge.approval.Decision;
import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import io.jenkins.plugins.stepfunctions.bridge.launch.InputSource;
import io.jenkins.plugins.stepfunctions.bridge.launch.LaunchRequest;
import io.jenkins.plugins.stepfunctions.bridge.launch.Launcher;
import io.jenkins.plugins.stepfunctions.bridge.launch.StateMachineRef;
import io.jenkins.plugins.stepfunctions.bridge.render.RenderStyle;
import io.jenkins.plugins.stepfunctions.bridge.render.RenderedLine;
import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import io.jenkins.plugins.stepfunctions.bridge.watch.Advance;
import io.jenkins.plugins.stepfunctions.bridge.watch.ExecutionFollower;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowListener;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowState;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowStats;
import io.jenkins.plugins.stepfunctions.bridge.watch.PollingPolicy;
import io.jenkins.plugins.stepfunctions.examples.Expectations.ApprovalAnswer;
import io.jenkins.plugins.stepfunctions.examples.Expectations.ExpectedRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Runs one test case of an example the way a build does, through the bridge: the launcher starts
 * {@code arn#TestCase} with the example's input file, a follower reads the history and renders it, and
 * each pending approval it finds is answered as the test case expects (approve or reject, by the
 * bridge's own {@code answer}).
 */
final class ExampleRunner {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** The follower's polling, 50 times quicker than in a build: the engine's waits are 1000 times quicker. */
    private static final PollingPolicy POLLING = PollingPolicy.defaults().scaled(0.02);

    private final SfnClient sfn;

    ExampleRunner(SfnClient sfn) {
        this.sfn = sfn;
    }

    String create(ExampleFolder example) {
        return sfn.createStateMachine(b -> b.name(example.expectations().stateMachineName())
                .definition(example.definition().toString())
                .roleArn("arn:aws:iam::123456789012:role/" + example.name() + "-execution")).stateMachineArn();
    }

    ObservedRun run(String stateMachineArn, ExampleFolder example, ExpectedRun expected) throws InterruptedException {
        LaunchRequest launch = new LaunchRequest(StateMachineRef.of(stateMachineArn + "#" + expected.testCase()),
                List.of(new InputSource.JsonFile(example.inputFile())), expected.testCase() + "-" + System.nanoTime(), null);
        String executionArn = new Launcher(sfn).launch(launch).executionArn();

        Recorder recorder = new Recorder();
        ExecutionFollower follower = new ExecutionFollower(sfn, FollowState.start(executionArn), recorder, POLLING,
                Clock.systemUTC(), new Random(), new FollowStats());
        Deque<ApprovalAnswer> answers = new ArrayDeque<>(expected.approvals());
        Instant deadline = Instant.now().plus(LIMIT);
        while (true) {
            Advance advance = follower.advance();
            if (advance instanceof Advance.Finished finished) {
                Outcome outcome = finished.outcome();
                String status = answers.isEmpty() ? outcome.status()
                        : outcome.status() + " without asking the approvals " + answers.stream().map(ApprovalAnswer::state).toList();
                return new ObservedRun(status, outcome.error(), outcome.cause(), recorder.entered, recorder.log);
            }
            for (PendingApproval pending : recorder.takePending()) {
                ApprovalAnswer answer = answers.peek();
                if (answer == null || !answer.state().equals(pending.state())) {
                    recorder.log.add("(test) approval at " + pending.state() + " left unanswered: not expected");
                    continue;
                }
                answers.pop();
                Decision decision = answer.approve() ? Decision.approve(answer.approver(), answer.comment())
                        : Decision.reject(answer.approver(), answer.comment());
                recorder.log.add("(test) " + (answer.approve() ? "approve " : "reject ") + pending.state() + ": "
                        + follower.answer(pending.id(), decision));
            }
            if (Instant.now().isAfter(deadline)) {
                sfn.stopExecution(b -> b.executionArn(executionArn));
                return new ObservedRun("STILL RUNNING after " + LIMIT, null, null, recorder.entered, recorder.log);
            }
            Thread.sleep(((Advance.Again) advance).delay().toMillis());
        }
    }

    /** Keeps what the follower delivers: the states entered, the rendered log, the approvals found. */
    private static final class Recorder implements FollowListener {
        final List<String> entered = new ArrayList<>();
        final List<String> log = new ArrayList<>();
        private final List<PendingApproval> pending = new ArrayList<>();

        @Override
        public void line(RenderedLine line) {
            log.add(line.format(RenderStyle.PLAIN));
        }

        @Override
        public void event(HistoryEvent event) {
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
