package io.jenkins.plugins.stepfunctions.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** The fault switch makes the server fail the way AWS does, and only where it is told to. */
class FaultInjectionTest {
    private final TestEngine running = TestEngine.startServer();
    private final SfnClient sfn = running.sfn();

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void throttlingIsAThrottlingExceptionTheSdkRecognises() {
        running.server().faults().set("throttle=1");
        assertThatThrownBy(sfn::listStateMachines)
                .isInstanceOfSatisfying(SfnException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                    assertThat(e.isThrottlingException()).isTrue();
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThat(running.server().faults().counts().throttled()).isEqualTo(1);
    }

    @Test
    void error500IsAnInternalFailure() {
        running.server().faults().set("error500=1");
        assertThatThrownBy(sfn::listStateMachines)
                .isInstanceOfSatisfying(SfnException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    }

    @Test
    void droppedConnectionGivesTheClientNoResponse() {
        running.server().faults().set("drop=1");
        assertThatThrownBy(sfn::listStateMachines).isInstanceOf(SdkClientException.class);
        assertThat(running.server().faults().counts().dropped()).isEqualTo(1);
    }

    @Test
    void delaySlowsEveryRequestDown() {
        running.server().faults().set("delay=300ms");
        long start = System.nanoTime();
        sfn.listStateMachines();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void faultsLimitedToOneOperationLeaveTheOthersAlone() {
        running.server().faults().set("throttle=1,ops=ListActivities");
        assertThat(sfn.listStateMachines().stateMachines()).isEmpty();
        assertThatThrownBy(sfn::listActivities).isInstanceOf(SfnException.class);
    }

    @Test
    void switchingFaultsOffRestoresNormalService() {
        running.server().faults().set("error500=1");
        assertThatThrownBy(sfn::listStateMachines).isInstanceOf(SfnException.class);
        running.server().faults().off();
        assertThat(sfn.listStateMachines().stateMachines()).isEmpty();
    }

    @Test
    void sdkRetriesRideThroughPartialFaults() {
        running.server().faults().set("throttle=0.2,error500=0.2,drop=0.1");
        try (SfnClient retrying = running.client(Region.US_EAST_1,
                RetryPolicy.builder().numRetries(30)
                        .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(2)))
                        .throttlingBackoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(2)))
                        .build())) {
            for (int i = 0; i < 20; i++) {
                assertThat(retrying.listStateMachines().stateMachines()).isEmpty();
            }
        }
        assertThat(running.server().faults().counts().total()).isPositive();
    }

    @Test
    void ratesAreShareOfRequestsAndRoughlyKept() {
        FaultInjection faults = new FaultInjection(new java.util.Random(7)::nextDouble)
                .set(FaultInjection.FaultPlan.NONE.withThrottle(0.1));
        int throttled = 0;
        for (int i = 0; i < 10_000; i++) {
            if (faults.decide("DescribeExecution").kind() == FaultInjection.Fault.Kind.THROTTLE) {
                throttled++;
            }
        }
        assertThat(throttled).isBetween(850, 1150);
    }

    @Test
    void planParsesEveryKindOfFault() {
        FaultInjection.FaultPlan plan = FaultInjection.FaultPlan.parse(
                "throttle=0.1,error500=0.05,drop=0.02,lose=0.01,delay=200ms@0.5,ops=GetExecutionHistory+DescribeExecution");
        assertThat(plan.throttle()).isEqualTo(0.1);
        assertThat(plan.error500()).isEqualTo(0.05);
        assertThat(plan.drop()).isEqualTo(0.02);
        assertThat(plan.lose()).isEqualTo(0.01);
        assertThat(plan.delay()).isEqualTo(Duration.ofMillis(200));
        assertThat(plan.delayRate()).isEqualTo(0.5);
        assertThat(plan.operations()).isEqualTo(Set.of("GetExecutionHistory", "DescribeExecution"));
        assertThat(FaultInjection.FaultPlan.parse("delay=1.5s").delay()).isEqualTo(Duration.ofMillis(1500));
        assertThat(FaultInjection.FaultPlan.parse("off")).isEqualTo(FaultInjection.FaultPlan.NONE);
    }

    @Test
    void badPlansAreRefusedWithTheFix() {
        assertThatThrownBy(() -> FaultInjection.FaultPlan.parse("throttle=lots"))
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> FaultInjection.FaultPlan.parse("throttle=0.7,drop=0.7"))
                .hasMessageContaining("at most 1");
        assertThatThrownBy(() -> FaultInjection.FaultPlan.parse("explode=0.1"))
                .hasMessageContaining("use throttle, error500, drop, lose, delay or ops");
        assertThatThrownBy(() -> FaultInjection.FaultPlan.parse("delay=soon"))
                .hasMessageContaining("200ms");
    }
}
