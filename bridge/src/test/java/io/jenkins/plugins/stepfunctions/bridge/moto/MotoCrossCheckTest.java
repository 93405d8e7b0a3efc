package io.jenkins.plugins.stepfunctions.bridge.moto;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.bridge.RecordingListener;
import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.bridge.connect.Connection;
import io.jenkins.plugins.stepfunctions.bridge.control.ExecutionControl;
import io.jenkins.plugins.stepfunctions.bridge.launch.LaunchRequest;
import io.jenkins.plugins.stepfunctions.bridge.launch.Launched;
import io.jenkins.plugins.stepfunctions.bridge.launch.Launcher;
import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import io.jenkins.plugins.stepfunctions.bridge.watch.ExecutionFollower;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowScheduler;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowState;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowStats;
import io.jenkins.plugins.stepfunctions.bridge.watch.PollingPolicy;
import java.time.Clock;
import java.util.HashSet;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bridge against moto's independent Step Functions implementation (skipped without moto_server). */
class MotoCrossCheckTest {
    static MotoServer moto;
    static AwsClients clients;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.startOrSkip();
        clients = new AwsClients(Connection.local(moto.endpoint()));
    }

    @BeforeEach
    void emptyBackend() throws Exception {
        moto.reset();
    }

    @AfterAll
    static void stopMoto() {
        if (clients != null) {
            clients.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    private String createMachine(String name, String definition) {
        return clients.sfn().createStateMachine(b -> b.name(name).definition(definition)
                .roleArn("arn:aws:iam::123456789012:role/sfn")).stateMachineArn();
    }

    private Outcome follow(String executionArn, RecordingListener listener) throws Exception {
        try (FollowScheduler scheduler = FollowScheduler.create(1, 50)) {
            ExecutionFollower f = new ExecutionFollower(clients.sfnNoRetry(), FollowState.start(executionArn), listener,
                    PollingPolicy.defaults().scaled(0.1), Clock.systemUTC(), new Random(1), new FollowStats());
            return scheduler.follow(f, "moto").result().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void startsByArnFollowsAndRendersAPassChainToSuccess() throws Exception {
        String arn = createMachine("pass-chain", """
                {"StartAt":"Prepare","States":{
                  "Prepare":{"Type":"Pass","Result":{"ready":true},"ResultPath":"$.prep","Next":"Deploy"},
                  "Deploy":{"Type":"Pass","End":true}}}""");
        Launched launched = new Launcher(clients.sfn()).launch(LaunchRequest.of(arn, "{\"version\":\"1.2.3\"}"));
        RecordingListener listener = new RecordingListener();

        Outcome outcome = follow(launched.executionArn(), listener);

        assertThat(outcome.status()).isEqualTo("SUCCEEDED");
        assertThat(outcome.output().path("version").asText()).isEqualTo("1.2.3");
        assertThat(outcome.output().path("prep").path("ready").asBoolean()).isTrue();
        assertThat(listener.text()).contains("Execution started", "> Prepare (Pass)", "< Deploy (Pass)", "Execution SUCCEEDED");
        assertThat(new HashSet<>(listener.eventIds)).hasSameSizeAs(listener.eventIds);
    }

    @Test
    void rendersAFailStateAsAFailedOutcomeWithErrorAndCause() throws Exception {
        String arn = createMachine("fails", """
                {"StartAt":"Check","States":{"Check":{"Type":"Pass","Next":"Boom"},
                  "Boom":{"Type":"Fail","Error":"Deploy.Broken","Cause":"health check red"}}}""");
        Launched launched = new Launcher(clients.sfn()).launch(LaunchRequest.of(arn, "{}"));
        RecordingListener listener = new RecordingListener();

        Outcome outcome = follow(launched.executionArn(), listener);

        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.error()).isEqualTo("Deploy.Broken");
        assertThat(outcome.cause()).isEqualTo("health check red");
        assertThat(listener.text()).contains("Execution FAILED", "Deploy.Broken: health check red");
    }

    @Test
    void stoppingARunningExecutionEndsTheFollowWithAbortedAndTheGivenError() throws Exception {
        String arn = createMachine("long-bake", """
                {"StartAt":"Bake","States":{"Bake":{"Type":"Wait","Seconds":600,"End":true}}}""");
        String executionArn = new Launcher(clients.sfn()).launch(LaunchRequest.of(arn, "{}")).executionArn();
        RecordingListener listener = new RecordingListener();
        try (FollowScheduler scheduler = FollowScheduler.create(1, 50)) {
            ExecutionFollower f = new ExecutionFollower(clients.sfnNoRetry(), FollowState.start(executionArn), listener,
                    PollingPolicy.defaults().scaled(0.1), Clock.systemUTC(), new Random(1), new FollowStats());
            var following = scheduler.follow(f, "moto");
            while (!listener.text().contains("> Bake (Wait)")) {
                Thread.sleep(20);
            }

            new ExecutionControl(clients.sfn()).stop(executionArn, ExecutionControl.BUILD_ABORTED, "build aborted");
            Outcome outcome = following.result().get(30, TimeUnit.SECONDS);

            assertThat(outcome.status()).isEqualTo("ABORTED");
            assertThat(listener.text()).contains("Execution ABORTED");
        }
    }
}
