package io.jenkins.plugins.stepfunctions.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Calls on one connection are answered as fast as the work allows, not at the pace of TCP timers. */
class ApiLatencyTest {
    private final RunningServer running = RunningServer.start();

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void sequentialCallsAreNotHeldBackByDelayedAcknowledgements() {
        running.sfn.listStateMachines();
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            running.sfn.listStateMachines();
        }
        // Nagle's algorithm against a delayed ACK costs 40 ms a call: 100 calls would need 4 s.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3500));
    }
}
