package io.jenkins.plugins.stepfunctions.bridge.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.stepfunctions.bridge.RecordingListener;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;

/** Which threads run a follower's calls, and what becomes of an Error thrown in one. */
class FollowSchedulerThreadsTest {
    private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:deploy:build-1";

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "timer"));
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker"));
    private final Set<String> callers = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stop() {
        timer.shutdownNow();
        worker.shutdownNow();
    }

    /** A client whose every call records its thread and throws {@code error}. */
    private SfnClient throwing(Throwable error) {
        return (SfnClient) Proxy.newProxyInstance(SfnClient.class.getClassLoader(), new Class<?>[] {SfnClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") || method.getName().equals("serviceName")) {
                        return null;
                    }
                    callers.add(Thread.currentThread().getName());
                    throw error;
                });
    }

    private ExecutionFollower follower(SfnClient sfn) {
        return new ExecutionFollower(sfn, FollowState.start(ARN), new RecordingListener(), PollingPolicy.defaults(),
                Clock.systemUTC(), new Random(1), new FollowStats());
    }

    @Test
    void anErrorInAHistoryCallEndsTheFollowWithThatErrorInsteadOfLosingIt() {
        FollowScheduler scheduler = new FollowScheduler(timer, worker, key -> new RateBudget(100));

        Following following = scheduler.follow(follower(throwing(new NoSuchMethodError("Endpoint.Builder.endpointUrl"))),
                "us-east-1");

        assertThatThrownBy(() -> following.result().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(NoSuchMethodError.class);
    }

    @Test
    void historyCallsRunOnTheWorkerExecutorNeverOnTheTimer() throws Exception {
        FollowScheduler scheduler = new FollowScheduler(timer, worker, key -> new RateBudget(100));

        Following following = scheduler.follow(follower(throwing(new IllegalStateException("stop here"))), "us-east-1");

        assertThatThrownBy(() -> following.result().get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(callers).containsExactly("worker");
    }
}
