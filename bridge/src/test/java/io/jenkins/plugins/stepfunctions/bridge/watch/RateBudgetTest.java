package io.jenkins.plugins.stepfunctions.bridge.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateBudgetTest {
    final AtomicLong now = new AtomicLong();
    final RateBudget budget = new RateBudget(10, 5, now::get);

    @Test
    void givesTheBurstThenOneTokenPerTenthOfASecond() {
        for (int i = 0; i < 5; i++) {
            assertThat(budget.tryTake()).isZero();
        }
        assertThat(budget.tryTake()).isEqualTo(Duration.ofMillis(100));
        now.addAndGet(Duration.ofMillis(100).toNanos());
        assertThat(budget.tryTake()).isZero();
        assertThat(budget.tryTake()).isPositive();
    }

    @Test
    void callsChargedAfterwardsDelayTheNextOnes() {
        for (int i = 0; i < 5; i++) {
            budget.tryTake();
        }
        budget.charge(3);

        assertThat(budget.tryTake()).isEqualTo(Duration.ofMillis(400));
        now.addAndGet(Duration.ofMillis(399).toNanos());
        assertThat(budget.tryTake()).isPositive();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(budget.tryTake()).isZero();
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        now.addAndGet(Duration.ofHours(1).toNanos());
        int granted = 0;
        while (budget.tryTake().isZero()) {
            granted++;
        }
        assertThat(granted).isEqualTo(5);
    }
}
