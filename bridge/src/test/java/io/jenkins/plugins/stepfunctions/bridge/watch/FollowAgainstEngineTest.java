package io.jenkins.plugins.stepfunctions.bridge.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.stepfunctions.bridge.EngineFixture;
import io.jenkins.plugins.stepfunctions.bridge.RecordingListener;
import io.jenkins.plugins.stepfunctions.bridge.launch.LaunchRequest;
import io.jenkins.plugins.stepfunctions.bridge.launch.Launcher;
import io.jenkins.plugins.stepfunctions.bridge.render.LineKind;
import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.time.Duration;
import io.jenkins.plugins.stepfunctions.engine.server.FaultInjection;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

public class FollowAgainstEngineTest {
    public static final String MOCKS = """
            {"StateMachines":{
              "redrivable":{"TestCases":{"FailsOnce":{"Deploy":"FailsOnceThenOk"}}},
              "flaky":{"TestCases":{"RetriedThenCaught":{"Deploy":"FailsThrice","Rollback":"Ok"},
                                    "RetriedThenOk":{"Deploy":"FailsOnceThenOk","Rollback":"Ok"}}},
              "fanout":{"TestCases":{"Ok":{"Ping":"Ok"}}}},
             "MockedResponses":{
              "FailsThrice":{"0-2":{"Throw":{"Error":"Deploy.Throttled","Cause":"rate exceeded"}}},
              "FailsOnceThenOk":{"0":{"Throw":{"Error":"Deploy.Throttled","Cause":"rate exceeded"}},"1":{"Return":{"ok":true}}},
              "Ok":{"0":{"Return":{"ok":true}}}}}""";
    public static final String FLAKY = """
            {"StartAt":"Deploy","States":{
              "Deploy":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"deploy"},
                "Retry":[{"ErrorEquals":["Deploy.Throttled"],"MaxAttempts":2,"IntervalSeconds":1}],
                "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.failure","Next":"Rollback"}],"Next":"Done"},
              "Rollback":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"rollback"},"Next":"RolledBack"},
              "RolledBack":{"Type":"Fail","Error":"Deployment.RolledBack","Cause":"deploy failed, rolled back"},
              "Done":{"Type":"Succeed"}}}""";
    static final String FANOUT = """
            {"StartAt":"Bake","States":{
              "Bake":{"Type":"Wait","Seconds":30,"Next":"Regions"},
              "Regions":{"Type":"Parallel","ResultPath":"$.regions","Next":"Hosts","Branches":[
                {"StartAt":"EU","States":{"EU":{"Type":"Pass","End":true}}},
                {"StartAt":"US","States":{"US":{"Type":"Pass","End":true}}}]},
              "Hosts":{"Type":"Map","ItemsPath":"$.hosts","ItemProcessor":{"StartAt":"Ping","States":{
                "Ping":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"ping"},"End":true}}},
                "End":true}}}""";

    static final String REDRIVABLE = """
            {"StartAt":"Prepare","States":{"Prepare":{"Type":"Pass","Next":"Deploy"},
              "Deploy":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"deploy"},"End":true}}}""";

    static EngineFixture engine;
    static String flaky;
    static String fanout;

    @BeforeAll
    static void start() throws Exception {
        engine = new EngineFixture(MOCKS);
        flaky = engine.createMachine("flaky", FLAKY);
        fanout = engine.createMachine("fanout", FANOUT);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private String start(String arn, String input) {
        return new Launcher(engine.clients.sfn()).launch(LaunchRequest.of(arn, input)).executionArn();
    }

    @Test
    void rendersRetriesWithAttemptAndLimitThenTheCatchTakenAndTheFailure() throws Exception {
        RecordingListener listener = new RecordingListener();

        Outcome outcome = engine.follow(start(flaky + "#RetriedThenCaught", "{}"), listener);

        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.error()).isEqualTo("Deployment.RolledBack");
        String log = listener.text();
        assertThat(log).contains("x Deploy failed: Deploy.Throttled: rate exceeded",
                "retry 1 of 2 of Deploy after Deploy.Throttled", "retry 2 of 2 of Deploy after Deploy.Throttled",
                "Deploy caught Deploy.Throttled, going to Rollback".substring(7), "> Rollback (Task)",
                "Execution FAILED", "Deployment.RolledBack: deploy failed, rolled back", "Summary: FAILED");
        assertThat(listener.lines).anyMatch(l -> l.kind() == LineKind.CAUGHT && l.state().equals("Deploy"));
        assertThat(log).containsPattern("Deploy +Task +CAUGHT .*attempts 3");
    }

    @Test
    void succeededOutcomeCarriesTheOutputAsAStructuredValue() throws Exception {
        RecordingListener listener = new RecordingListener();

        Outcome outcome = engine.follow(start(flaky + "#RetriedThenOk", "{\"version\":\"2.0\"}"), listener);

        assertThat(outcome.status()).as(listener.text()).isEqualTo("SUCCEEDED");
        assertThat(outcome.output().path("Payload").path("ok").asBoolean()
                || outcome.output().path("ok").asBoolean()).isTrue();
        assertThat(listener.text()).contains("retry 1 of 2 of Deploy", "< Deploy (Task)", "Execution SUCCEEDED");
    }

    @Test
    void showsParallelAndMapAsStructureWithProgressNotOneLinePerIteration() throws Exception {
        StringBuilder hosts = new StringBuilder("[");
        for (int i = 0; i < 40; i++) {
            hosts.append(i == 0 ? "" : ",").append("\"h").append(i).append('"');
        }
        RecordingListener listener = new RecordingListener();

        Outcome outcome = engine.follow(start(fanout + "#Ok", "{\"hosts\":" + hosts + "]}"), listener);

        assertThat(outcome.status()).as(listener.text()).isEqualTo("SUCCEEDED");
        String log = listener.text();
        assertThat(log).contains("Bake (Wait)", "waiting 30.0s at the definition's pace (300ms at time scale 0.01)",
                "Regions: 2 branches started", "Hosts: 40 iterations",
                "Hosts: 40/40 iterations succeeded");
        assertThat(listener.lines.stream().filter(l -> "Ping".equals(l.state()) && l.kind() == LineKind.ENTERED)).isEmpty();
        assertThat(listener.lines.size()).isLessThan(40);
        assertThat(listener.eventIds).hasSizeGreaterThan(160);
    }

    @Test
    void deliversEveryEventExactlyOnceInOrder() throws Exception {
        RecordingListener listener = new RecordingListener();
        String arn = start(fanout + "#Ok", "{\"hosts\":[\"a\",\"b\",\"c\"]}");

        engine.follow(arn, listener);

        long total = engine.clients.sfn().getExecutionHistory(b -> b.executionArn(arn).maxResults(1000)).events().size();
        assertThat(listener.eventIds).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
    }

    @Test
    void aFollowerRestartedFromASavedStateRendersNoEventTwice() throws Exception {
        String arn = start(fanout + "#Ok", "{\"hosts\":[\"a\",\"b\",\"c\",\"d\"]}");
        RecordingListener first = new RecordingListener();
        ExecutionFollower follower = engine.follower(FollowState.start(arn), first);
        assertThat(follower.advance()).isInstanceOf(Advance.Again.class);
        assertThat(first.text()).contains("Execution started").doesNotContain("Execution SUCCEEDED");
        byte[] saved = serialise(follower.state());

        RecordingListener second = new RecordingListener();
        FollowState restored = (FollowState) new ObjectInputStream(new ByteArrayInputStream(saved)).readObject();
        Outcome outcome = engine.scheduler.follow(engine.follower(restored, second), "engine").result().get();

        assertThat(outcome.status()).as(second.text()).isEqualTo("SUCCEEDED");
        List<Long> all = new ArrayList<>(first.eventIds);
        all.addAll(second.eventIds);
        assertThat(new HashSet<>(all)).hasSameSizeAs(all);
        assertThat(all).isSorted();
        long total = engine.clients.sfn().getExecutionHistory(b -> b.executionArn(arn).maxResults(1000)).events().size();
        assertThat(all).hasSize((int) total);
        List<String> lines = new ArrayList<>(first.plain());
        lines.addAll(second.plain());
        assertThat(lines.stream().filter(l -> l.contains("Execution started"))).hasSize(1);
        assertThat(lines.stream().filter(l -> l.contains("> Bake (Wait)"))).hasSize(1);
        assertThat(second.text()).contains("Execution SUCCEEDED").doesNotContain("Execution started");
    }

    @Test
    void throttlesServerErrorsAndDroppedConnectionsLoseNoEventAndRepeatNone() throws Exception {
        String arn = start(fanout + "#Ok", "{\"hosts\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\"]}");
        RecordingListener listener = new RecordingListener();
        ExecutionFollower follower = engine.follower(FollowState.start(arn), listener);
        engine.server.faults().set(new FaultInjection.FaultPlan(0.2, 0.15, 0.1, 0.05, Duration.ofMillis(20), 0.1,
                Set.of("GetExecutionHistory")));
        try {
            engine.scheduler.follow(follower, "faults").result().get();
        } finally {
            engine.server.faults().off();
        }

        long total = engine.clients.sfn().getExecutionHistory(b -> b.executionArn(arn).maxResults(1000)).events().size();
        assertThat(listener.eventIds).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(follower.stats().retriedErrors()).isPositive();
        assertThat(listener.plain().stream().filter(l -> l.contains("Execution SUCCEEDED"))).hasSize(1);
    }

    @Test
    void manyFollowersSharingABudgetStayWithinItsRate() throws Exception {
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            arns.add(start(fanout + "#Ok", "{\"hosts\":[\"a\"]}"));
        }
        List<FollowStats> stats = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<?>> results = new ArrayList<>();
        long start = System.nanoTime();
        try (FollowScheduler scheduler = FollowScheduler.create(2, 20)) {
            for (String arn : arns) {
                FollowStats s = new FollowStats();
                stats.add(s);
                results.add(scheduler.follow(new ExecutionFollower(engine.clients.sfnNoRetry(), FollowState.start(arn),
                        new RecordingListener(), EngineFixture.fastPolling(), java.time.Clock.systemUTC(), new java.util.Random(1), s),
                        "shared").result());
            }
            java.util.concurrent.CompletableFuture.allOf(results.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long calls = stats.stream().mapToLong(FollowStats::calls).sum();

        // burst of 20, then 20/s; one call of slack for a charge landing after the last token
        assertThat(calls).isLessThanOrEqualTo((long) (20 + 20 * seconds) + 1);
        assertThat(calls).isGreaterThanOrEqualTo(12);
    }

    @Test
    void aRedrivenExecutionIsFollowedOnFromTheSavedStateToItsNewOutcome() throws Exception {
        String machine = engine.createMachine("redrivable", REDRIVABLE);
        String arn = start(machine + "#FailsOnce", "{}");
        RecordingListener first = new RecordingListener();
        ExecutionFollower follower = engine.follower(FollowState.start(arn), first);
        Outcome failed = engine.scheduler.follow(follower, "engine").result().get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(failed.status()).isEqualTo("FAILED");

        new io.jenkins.plugins.stepfunctions.bridge.control.ExecutionControl(engine.clients.sfn()).redrive(arn);
        FollowState state = follower.state();
        state.reopenAfterRedrive();
        RecordingListener second = new RecordingListener();
        Outcome outcome = engine.scheduler.follow(engine.follower(state, second), "engine").result()
                .get(20, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(outcome.status()).isEqualTo("SUCCEEDED");
        assertThat(second.text()).contains("Execution redriven (redrive 1)", "< Deploy (Task)", "Execution SUCCEEDED")
                .doesNotContain("Execution started", "> Prepare");
        assertThat(second.eventIds.get(0)).isEqualTo(first.eventIds.get(first.eventIds.size() - 1) + 1);
    }

    @Test
    void anUnknownExecutionIsAClearErrorNotARetryLoop() {
        String missing = flaky.replace(":stateMachine:", ":execution:") + ":nope";
        ExecutionFollower follower = engine.follower(FollowState.start(missing), new RecordingListener());

        assertThatThrownBy(follower::advance).isInstanceOf(FollowException.class)
                .hasMessageContaining(missing).hasMessageContaining("check the execution ARN");
    }

    static byte[] serialise(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }
}
