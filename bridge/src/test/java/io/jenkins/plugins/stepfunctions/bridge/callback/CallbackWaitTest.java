package io.jenkins.plugins.stepfunctions.bridge.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.bridge.EngineFixture;
import io.jenkins.plugins.stepfunctions.bridge.RecordingListener;
import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.bridge.connect.Connection;
import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;
import io.jenkins.plugins.stepfunctions.bridge.launch.InputSource;
import io.jenkins.plugins.stepfunctions.bridge.launch.LaunchRequest;
import io.jenkins.plugins.stepfunctions.bridge.launch.Launcher;
import io.jenkins.plugins.stepfunctions.bridge.launch.StateMachineRef;
import io.jenkins.plugins.stepfunctions.bridge.moto.MotoServer;
import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import io.jenkins.plugins.stepfunctions.bridge.watch.ExecutionFollower;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowScheduler;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowState;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowStats;
import io.jenkins.plugins.stepfunctions.bridge.watch.Following;
import io.jenkins.plugins.stepfunctions.bridge.watch.PollingPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Callback wait mode: the follower's idle poll is a minute, so an execution that finishes in a couple
 * of seconds is only seen in time because a callback (http:invoke, a status-change event, an SQS
 * message) woke it.
 */
class CallbackWaitTest {
    static final String NOTIFYING = """
            {"StartAt":"Bake","States":{
              "Bake":{"Type":"Wait","Seconds":150,"Next":"TellTheBuild"},
              "TellTheBuild":{"Type":"Task","Resource":"arn:aws:states:::http:invoke","Parameters":{
                "ApiEndpoint.$":"$.callback.url","Method":"POST",
                "Authentication":{"ConnectionArn":"arn:aws:events:us-east-1:123456789012:connection/build/1"},
                "RequestBody":{"executionArn.$":"$$.Execution.Id"}},"ResultPath":null,"Next":"Done"},
              "Done":{"Type":"Succeed"}}}""";
    static final String QUIET = """
            {"StartAt":"Bake","States":{"Bake":{"Type":"Wait","Seconds":150,"End":true}}}""";
    /** Active polls stay quick; the first idle poll jumps to a minute: only a wake-up ends the test in time. */
    static final PollingPolicy SLOW_SAFETY_POLL = new PollingPolicy(Duration.ofMillis(100), Duration.ofSeconds(60),
            1000, 0, Duration.ofSeconds(5), 1.0);

    private static Following follow(FollowScheduler scheduler, AwsClients clients, String arn, RecordingListener listener) {
        ExecutionFollower f = new ExecutionFollower(clients.sfnNoRetry(), FollowState.start(arn), listener, SLOW_SAFETY_POLL,
                Clock.systemUTC(), new Random(1), new FollowStats());
        return scheduler.follow(f, "engine");
    }

    @Test
    void anHttpInvokeCallbackWithTheExecutionSecretWakesTheFollower() throws Exception {
        try (FollowScheduler scheduler = FollowScheduler.create(1, 50);
             EngineFixture engine = new EngineFixture()) {
            CallbackRegistry registry = new CallbackRegistry(scheduler::wake);
            try (CallbackServer callbacks = CallbackServer.start("127.0.0.1", 0, null, registry)) {
                Secret secret = registry.issue();
                String machine = engine.createMachine("notifying", NOTIFYING);
                String input = "{\"callback\":{\"url\":\"" + callbacks.callbackUrl(secret) + "\"}}";
                String arn = new Launcher(engine.clients.sfn()).launch(new LaunchRequest(StateMachineRef.of(machine),
                        List.of(new InputSource.JsonText(input)), null, null)).executionArn();
                registry.bind(secret, arn);
                RecordingListener listener = new RecordingListener();

                Outcome outcome = follow(scheduler, engine.clients, arn, listener).result().get(20, TimeUnit.SECONDS);

                assertThat(outcome.succeeded()).isTrue();
                assertThat(listener.text()).contains("> TellTheBuild (Task)", "Execution SUCCEEDED");
            }
        }
    }

    @Test
    void aStatusChangeEventFromTheEngineWakesTheFollowerAndUnknownSecretsAreRefused() throws Exception {
        try (FollowScheduler scheduler = FollowScheduler.create(1, 50)) {
            CallbackRegistry registry = new CallbackRegistry(scheduler::wake);
            try (CallbackServer callbacks = CallbackServer.start("127.0.0.1", 0, null, registry);
                 EngineFixture engine = new EngineFixture(null, callbacks.eventsUrl())) {
                String machine = engine.createMachine("quiet", QUIET);
                String arn = new Launcher(engine.clients.sfn()).launch(LaunchRequest.of(machine, "{}")).executionArn();
                RecordingListener listener = new RecordingListener();

                Outcome outcome = follow(scheduler, engine.clients, arn, listener).result().get(20, TimeUnit.SECONDS);

                assertThat(outcome.succeeded()).isTrue();
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (URI wrong : List.of(callbacks.callbackUrl(new Secret("guessed-secret-000000000")),
                        URI.create(callbacks.eventsUrl().toString() + "x"), callbacks.eventsUrl().resolve("/"))) {
                    int status = http.send(HttpRequest.newBuilder(wrong).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    assertThat(status).as(wrong.toString()).isEqualTo(404);
                }
            }
        }
    }

    @Test
    void anSqsQueueFedWithStatusChangeEventsWakesTheFollowerWithoutInboundAccess() throws Exception {
        try (MotoServer moto = MotoServer.startOrSkip();
             AwsClients motoClients = new AwsClients(Connection.local(moto.endpoint()));
             FollowScheduler scheduler = FollowScheduler.create(1, 50);
             EngineFixture engine = new EngineFixture()) {
            String queue = motoClients.sqs().createQueue(b -> b.queueName("sfn-status")).queueUrl();
            CallbackRegistry registry = new CallbackRegistry(scheduler::wake);
            try (SqsStatusListener listener = new SqsStatusListener(motoClients.sqs(), queue, registry, 1).start()) {
                String machine = engine.createMachine("quiet-sqs", QUIET);
                String arn = new Launcher(engine.clients.sfn()).launch(LaunchRequest.of(machine, "{}")).executionArn();
                Following following = follow(scheduler, engine.clients, arn, new RecordingListener());
                // stands in for the EventBridge rule: forward the status change once the execution ends
                while (engine.clients.sfn().describeExecution(b -> b.executionArn(arn)).statusAsString().equals("RUNNING")) {
                    Thread.sleep(50);
                }
                motoClients.sqs().sendMessage(b -> b.queueUrl(queue).messageBody("""
                        {"version":"0","detail-type":"Step Functions Execution Status Change","source":"aws.states",
                         "detail":{"executionArn":"%s","status":"SUCCEEDED"}}""".formatted(arn)));

                assertThat(following.result().get(20, TimeUnit.SECONDS).succeeded()).isTrue();
                assertThat(listener.received()).isEqualTo(1);
            }
        }
    }
}
