package io.jenkins.plugins.stepfunctions.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.bridge.connect.Connection;
import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import io.jenkins.plugins.stepfunctions.bridge.watch.ExecutionFollower;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowScheduler;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowState;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowStats;
import io.jenkins.plugins.stepfunctions.bridge.watch.PollingPolicy;
import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import io.jenkins.plugins.stepfunctions.engine.server.EngineServer;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The embedded engine on a free loopback port, Waits and retries 100 times faster, reached through the
 * real SDK like AWS. One per test class.
 */
public final class EngineFixture implements AutoCloseable {
    public static final String ROLE = "arn:aws:iam::123456789012:role/deployer";
    public final EngineServer server;
    public final AwsClients clients;
    public final FollowScheduler scheduler = FollowScheduler.create(2, 200);

    public EngineFixture(String mockConfigJson) throws Exception {
        this(mockConfigJson, null);
    }

    /** @param statusListener where the engine POSTs EventBridge-shaped status-change events, or null */
    public EngineFixture(String mockConfigJson, java.net.URI statusListener) throws Exception {
        server = EngineServer.start("127.0.0.1", 0, new EngineConfig(Clock.systemUTC(), 0.01,
                mockConfigJson == null ? null : new ObjectMapper().readTree(mockConfigJson), statusListener));
        clients = new AwsClients(Connection.local(server.endpoint()));
    }

    public EngineFixture() throws Exception {
        this(null);
    }

    public String createMachine(String name, String definition) {
        return clients.sfn().createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    public static PollingPolicy fastPolling() {
        return PollingPolicy.defaults().scaled(0.01);
    }

    public ExecutionFollower follower(FollowState state, RecordingListener listener) {
        return new ExecutionFollower(clients.sfnNoRetry(), state, listener, fastPolling(), Clock.systemUTC(), new Random(7),
                new FollowStats());
    }

    public Outcome follow(String executionArn, RecordingListener listener) throws Exception {
        return scheduler.follow(follower(FollowState.start(executionArn), listener), "engine").result().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        scheduler.close();
        clients.close();
        server.close();
    }
}
