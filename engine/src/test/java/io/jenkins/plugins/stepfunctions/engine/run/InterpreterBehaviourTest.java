package io.jenkins.plugins.stepfunctions.engine.run;

import static io.jenkins.plugins.stepfunctions.engine.run.Histories.await;
import static io.jenkins.plugins.stepfunctions.engine.run.Histories.chain;
import static io.jenkins.plugins.stepfunctions.engine.run.Histories.first;
import static io.jenkins.plugins.stepfunctions.engine.run.Histories.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import io.jenkins.plugins.stepfunctions.engine.history.HistoryEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InterpreterBehaviourTest {
    private final TestEngine fx = TestEngine.options().timeScale(0.001).inProcess();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void passChainWritesAwsShapedHistory() {
        Execution e = await(fx.start("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Result\":{\"x\":1},"
                + "\"ResultPath\":\"$.r\",\"Next\":\"B\"},\"B\":{\"Type\":\"Succeed\"}}}", "{\"in\":true}"));
        assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(e.output()).isEqualTo("{\"in\":true,\"r\":{\"x\":1}}");
        assertThat(chain(e)).isEqualTo("1<0 ExecutionStarted, 2<0 PassStateEntered, 3<2 PassStateExited, "
                + "4<3 SucceedStateEntered, 5<4 SucceedStateExited, 6<5 ExecutionSucceeded");
        HistoryEvent started = first(e, "ExecutionStarted");
        assertThat(started.detailsField()).isEqualTo("executionStartedEventDetails");
        assertThat(started.details().toString()).contains("\"input\":\"{\\\"in\\\":true}\"")
                .contains("\"inputDetails\":{\"truncated\":false}").contains("roleArn");
        assertThat(first(e, "PassStateExited").details().path("output").asText())
                .isEqualTo("{\"in\":true,\"r\":{\"x\":1}}");
    }

    @Test
    void choiceLoopOfSixThousandIterationsNeedsNoStack() {
        // 6,000 iterations write 24,008 events, just under AWS's 25,000-event history quota
        String def = "{\"StartAt\":\"Init\",\"States\":{"
                + "\"Init\":{\"Type\":\"Pass\",\"Result\":0,\"ResultPath\":\"$.i\",\"Next\":\"Check\"},"
                + "\"Check\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.i\",\"NumericGreaterThanEquals\":6000,"
                + "\"Next\":\"Done\"}],\"Default\":\"Inc\"},"
                + "\"Inc\":{\"Type\":\"Pass\",\"Parameters\":{\"i.$\":\"States.MathAdd($.i, 1)\"},\"Next\":\"Check\"},"
                + "\"Done\":{\"Type\":\"Succeed\"}}}";
        Execution e = await(fx.start(def, "{}"));
        assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(e.output()).isEqualTo("{\"i\":6000}");
        assertThat(e.history().size()).isEqualTo(24_008);
    }

    @Test
    void retryThenCatchFollowsAwsEventChain() {
        String def = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"Branches\":[{\"StartAt\":\"F\","
                + "\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"Boom\",\"Cause\":\"bad\"}}}],"
                + "\"Retry\":[{\"ErrorEquals\":[\"Boom\"],\"MaxAttempts\":1,\"IntervalSeconds\":1}],"
                + "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.err\",\"Next\":\"Caught\"}],"
                + "\"End\":true},\"Caught\":{\"Type\":\"Pass\",\"End\":true}}}";
        Execution e = await(fx.start(def, "{}"));
        assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(e.output()).isEqualTo("{\"err\":{\"Error\":\"Boom\",\"Cause\":\"bad\"}}");
        assertThat(chain(e)).isEqualTo("1<0 ExecutionStarted, 2<0 ParallelStateEntered, 3<2 ParallelStateStarted, "
                + "4<3 FailStateEntered, 5<4 ParallelStateStarted, 6<5 FailStateEntered, 7<6 ParallelStateFailed, "
                + "8<7 ParallelStateExited, 9<8 PassStateEntered, 10<9 PassStateExited, 11<10 ExecutionSucceeded");
    }

    @Test
    void statesRuntimeIsNotCaughtByStatesAll() {
        String def = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"InputPath\":\"$.missing\","
                + "\"End\":true}}}";
        Execution e = await(fx.start(def, "{}"));
        assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(e.error()).isEqualTo("States.Runtime");
        assertThat(e.cause()).startsWith("An error occurred while executing the state 'P' (entered at the event id #2).");
    }

    @Test
    void waitIsScaledByTimeScale() {
        long t0 = System.nanoTime();
        Execution e = await(fx.start("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":600,"
                + "\"End\":true}}}", "{\"a\":1}"));
        assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(System.nanoTime() - t0).isLessThan(20_000_000_000L);
        assertThat(types(e)).containsExactly("ExecutionStarted", "WaitStateEntered", "WaitStateExited",
                "ExecutionSucceeded");
    }

    @Test
    void mapIteratesInlineWithIterationEventsAndVariableScope() {
        String def = "{\"StartAt\":\"Set\",\"States\":{\"Set\":{\"Type\":\"Pass\",\"Assign\":{\"k\":10},"
                + "\"Next\":\"M\"},\"M\":{\"Type\":\"Map\",\"ItemsPath\":\"$.items\",\"ItemSelector\":{\"v.$\":"
                + "\"$$.Map.Item.Value\",\"i.$\":\"$$.Map.Item.Index\",\"k.$\":\"$k\"},\"ItemProcessor\":{"
                + "\"StartAt\":\"I\",\"States\":{\"I\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}}}";
        Execution e = await(fx.start(def, "{\"items\":[\"a\",\"b\"]}"));
        assertThat(e.output()).isEqualTo("[{\"v\":\"a\",\"i\":0,\"k\":10},{\"v\":\"b\",\"i\":1,\"k\":10}]");
        assertThat(chain(e)).contains("5<4 MapStateStarted, 6<5 MapIterationStarted, 7<6 PassStateEntered, "
                + "8<7 PassStateExited, 9<8 MapIterationSucceeded, 10<8 MapIterationStarted");
        assertThat(first(e, "MapStateStarted").details().path("length").asInt()).isEqualTo(2);
    }

    @Test
    void mapConcurrencyAndToleranceVariablesHoldingNumbersAsTextAreRead() {
        String def = "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Pass\",\"Assign\":{\"c\":\"1\",\"n\":\"1\","
                + "\"p\":\"1.5\"},\"Result\":[1,2,3],\"Next\":\"M\"},\"M\":{\"Type\":\"Map\",\"MaxConcurrencyPath\":\"$c\","
                + "\"ToleratedFailureCountPath\":\"$n\",\"ToleratedFailurePercentagePath\":\"$p\",\"ItemProcessor\":{"
                + "\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},\"StartAt\":\"I\","
                + "\"States\":{\"I\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}}}";
        Execution e = await(fx.start(def, "{}"));
        assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(e.output()).isEqualTo("[1,2,3]");
    }

    @Test
    void mapToleranceCountPathToTextThatIsNoNumberFails() {
        String def = "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ToleratedFailureCountPath\":\"$.n\","
                + "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},"
                + "\"StartAt\":\"I\",\"States\":{\"I\":{\"Type\":\"Pass\",\"End\":true}}},\"ItemsPath\":\"$.items\",\"End\":true}}}";
        Execution e = await(fx.start(def, "{\"items\":[1],\"n\":\"one\"}"));
        assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(e.cause()).endsWith("The ToleratedFailureCountPath field refers to value \"one\" which is not a "
                + "valid integer: $.n");
    }

    @Test
    void mapOverSixThousandItemsCompletes() {
        // 6,000 items write 24,006 events, under AWS's 25,000-event history quota
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < 6_000; i++) {
            items.append(i == 0 ? "" : ",").append(i);
        }
        String def = "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ItemProcessor\":{\"StartAt\":\"I\","
                + "\"States\":{\"I\":{\"Type\":\"Pass\",\"End\":true}}},\"ResultSelector\":{\"n.$\":"
                + "\"States.ArrayLength($)\"},\"End\":true}}}";
        Execution e = await(fx.start(def, items.append("]").toString()));
        assertThat(e.output()).isEqualTo("{\"n\":6000}");
        assertThat(e.history().size()).isEqualTo(3 + 4 * 6_000 + 3);
    }

    @Test
    void jsonataStatesUseStatesInputArgumentsOutputAndAssign() {
        String def = "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\","
                + "\"Assign\":{\"total\":\"{% $states.input.a + $states.input.b %}\"},\"Output\":{\"sum\":"
                + "\"{% $states.input.a + $states.input.b %}\"},\"Next\":\"B\"},\"B\":{\"Type\":\"Choice\","
                + "\"Choices\":[{\"Condition\":\"{% $total > 2 %}\",\"Next\":\"Big\"}],\"Default\":\"Small\"},"
                + "\"Big\":{\"Type\":\"Succeed\",\"Output\":\"{% 'big ' & $string($total) %}\"},"
                + "\"Small\":{\"Type\":\"Fail\",\"Error\":\"Small\"}}}";
        Execution e = await(fx.start(def, "{\"a\":1,\"b\":2}"));
        assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(e.output()).isEqualTo("\"big 3\"");
        assertThat(first(e, "PassStateExited").details().path("assignedVariables").path("total").asText())
                .isEqualTo("3");
    }

    @Test
    void failStateFailsExecutionWithErrorAndCause() {
        Execution e = await(fx.start("{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"ErrorPath\":"
                + "\"$.e\",\"CausePath\":\"States.Format('why: {}', $.c)\"}}}", "{\"e\":\"Bad\",\"c\":\"x\"}"));
        assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(e.error()).isEqualTo("Bad");
        assertThat(e.cause()).isEqualTo("why: x");
        assertThat(chain(e)).isEqualTo("1<0 ExecutionStarted, 2<0 FailStateEntered, 3<2 ExecutionFailed");
    }

    @Test
    void stopAbortsAWaitingExecution() {
        Execution e = fx.start("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":99999999,"
                + "\"End\":true}}}", "{}");
        e.stop("Op.Stop", "operator");
        await(e);
        assertThat(e.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(types(e)).endsWith("ExecutionAborted");
        assertThat(e.stopDate()).isNotNull();
    }

    @Test
    void executionTimeoutEndsAsTimedOut() {
        Execution e = await(fx.start("{\"TimeoutSeconds\":5,\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\","
                + "\"Seconds\":99999,\"End\":true}}}", "{}"));
        assertThat(e.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(types(e)).endsWith("ExecutionTimedOut");
    }

    @Test
    void endlessLoopsDoNotStarveOtherExecutions() {
        String endless = "{\"StartAt\":\"Check\",\"States\":{\"Check\":{\"Type\":\"Choice\",\"Choices\":[{"
                + "\"Variable\":\"$.never\",\"IsPresent\":true,\"Next\":\"Done\"}],\"Default\":\"Loop\"},"
                + "\"Loop\":{\"Type\":\"Pass\",\"Next\":\"Check\"},\"Done\":{\"Type\":\"Succeed\"}}}";
        java.util.List<Execution> spinning = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            spinning.add(fx.start(endless, "{}"));
        }
        Execution quick = await(fx.start("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\","
                + "\"End\":true}}}", "{}"));
        assertThat(quick.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        spinning.forEach(e -> e.stop(null, null));
        // each loop is stopped, or has already failed on AWS's 25,000-event history quota
        assertThat(spinning).allSatisfy(e -> assertThat(await(e)).satisfiesAnyOf(
                done -> assertThat(done.status()).isEqualTo(ExecutionStatus.ABORTED),
                done -> assertThat(done.cause()).isEqualTo(ExecutionRun.HISTORY_LIMIT_CAUSE)));
    }
}
