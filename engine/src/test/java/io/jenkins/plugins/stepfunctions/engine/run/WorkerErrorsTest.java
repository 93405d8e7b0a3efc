package io.jenkins.plugins.stepfunctions.engine.run;

import static io.jenkins.plugins.stepfunctions.engine.run.Histories.await;
import static io.jenkins.plugins.stepfunctions.engine.run.Histories.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import io.jenkins.plugins.stepfunctions.engine.history.HistoryEvent;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Java Error on an execution's worker (heap or stack exhausted) fails that execution with
 * States.Runtime instead of leaving it RUNNING for good; the engine's workers go on serving others.
 * The errors are thrown from a task on the execution's actor, where the interpreter runs.
 */
class WorkerErrorsTest {
    /** Waits an hour (3.6 s at the fixture's time scale): RUNNING and idle while the test acts. */
    private static final String WAITING = "{\"StartAt\":\"Hold\",\"States\":{\"Hold\":{\"Type\":\"Wait\","
            + "\"Seconds\":3600,\"End\":true}}}";
    private static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

    private final TestEngine fx = TestEngine.options().timeScale(0.001).inProcess();

    @AfterEach
    void close() {
        fx.close();
    }

    private Execution failOnWorker(Runnable task) {
        ExecutionRun run = (ExecutionRun) fx.start(WAITING, "{}");
        run.post(task);
        return await(run);
    }

    private static void assertFailedWithRuntime(Execution e, String causePart) {
        assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(e.error()).isEqualTo("States.Runtime");
        assertThat(e.cause()).contains(causePart);
        List<HistoryEvent> events = events(e);
        HistoryEvent last = events.get(events.size() - 1);
        assertThat(last.type()).isEqualTo("ExecutionFailed");
        assertThat(last.details().path("error").asText()).isEqualTo("States.Runtime");
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void outOfMemoryErrorFailsTheExecutionWithStatesRuntime() {
        Execution e = failOnWorker(() -> {
            throw new OutOfMemoryError("Java heap space");
        });
        assertFailedWithRuntime(e, "java.lang.OutOfMemoryError: Java heap space");
        assertThat(await(fx.start(PASS, "{}")).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void stackOverflowErrorFailsTheExecutionWithStatesRuntime() {
        Execution e = failOnWorker(() -> recurse(0));
        assertFailedWithRuntime(e, "java.lang.StackOverflowError");
        assertThat(await(fx.start(PASS, "{}")).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void anErrorThatCannotEvenBeDescribedStillEndsTheExecution() {
        // as when the heap is still full while the failure is reported: building the cause fails too
        Execution e = failOnWorker(() -> {
            throw new OutOfMemoryError() {
                @Override
                public String toString() {
                    throw new OutOfMemoryError("still no heap");
                }
            };
        });
        assertFailedWithRuntime(e, "ran out of memory or stack");
        assertThat(await(fx.start(PASS, "{}")).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
}
