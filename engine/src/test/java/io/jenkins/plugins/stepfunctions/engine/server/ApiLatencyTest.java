package io.jenkins.plugins.stepfunctions.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Calls on one connection are answered as fast as the work allows, not at the pace of TCP timers. */
class ApiLatencyTest {
    private final TestEngine running = TestEngine.startServer();

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void sequentialCallsAreNotHeldBackByDelayedAcknowledgements() {
        running.sfn().listStateMachines();
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 100; i++) {
            long start = System.nanoTime();
            running.sfn().listStateMachines();
            fastest = Math.min(fastest, System.nanoTime() - start);
        }
        // Nagle's algorithm against a delayed ACK holds *every* response for ~40 ms, so even the fastest
        // of 100 calls would take that long. The fastest call, unlike the total, is not slowed down by a
        // busy machine, so this checks the socket option without timing the machine.
        assertThat(Duration.ofNanos(fastest)).isLessThan(Duration.ofMillis(25));
    }
}
