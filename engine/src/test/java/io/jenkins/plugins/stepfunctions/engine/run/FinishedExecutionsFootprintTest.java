package io.jenkins.plugins.stepfunctions.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinishedExecutionsFootprintTest {

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void tenThousandFinishedExecutionsTakeLessThanHalfOf256MiB() throws Exception {
        try (TestEngine fx = TestEngine.options().timeScale(0.001).inProcess()) {
            String def = "{\"StartAt\":\"Build\",\"States\":{\"Build\":{\"Type\":\"Pass\",\"Result\":{\"image\":\"app:1\"},"
                    + "\"ResultPath\":\"$.build\",\"Next\":\"Check\"},\"Check\":{\"Type\":\"Choice\",\"Choices\":[{"
                    + "\"Variable\":\"$.build.image\",\"IsPresent\":true,\"Next\":\"Done\"}],\"Default\":\"Done\"},"
                    + "\"Done\":{\"Type\":\"Succeed\"}}}";
            long before = usedHeap();
            long t0 = System.nanoTime();
            List<Execution> kept = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                kept.add(fx.start(def, "{\"build\":" + i + ",\"branch\":\"main\"}"));
            }
            for (Execution e : kept) {
                Histories.await(e);
            }
            System.out.println("10,000 executions in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            long perExecution = (usedHeap() - before) / kept.size();
            System.out.println("heap per finished execution: " + perExecution + " bytes");
            assertThat(kept).allSatisfy(e -> assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED));
            assertThat(perExecution * 10_000).isLessThan(256L * 1024 * 1024 / 2);
        }
    }
}
