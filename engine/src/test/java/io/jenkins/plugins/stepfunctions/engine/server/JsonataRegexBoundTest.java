package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.Definitions.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A backtracking regular expression in a JSONata expression, through the API: it fails its
 * execution within about a second instead of holding a worker, and other executions run meanwhile.
 */
class JsonataRegexBoundTest {
    private static final String FORTY_AS = "a".repeat(40);

    private final TestEngine running = TestEngine.startServer();

    @AfterEach
    void stop() {
        running.close();
    }

    private String execute(String expression, String input) {
        String definition = "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"Check\", \"States\": {\"Check\": {\"Type\":"
                + " \"Pass\", \"Output\": {\"result\": \"{% " + expression + " %}\"}, \"End\": true}}}";
        String sm = running.sfn().createStateMachine(b -> b.name("Regex" + System.nanoTime()).definition(definition)
                .roleArn(ROLE)).stateMachineArn();
        return running.sfn().startExecution(b -> b.stateMachineArn(sm).input(input)).executionArn();
    }

    private DescribeExecutionResponse finished(String arn) {
        return Awaits.until(() -> running.sfn().describeExecution(b -> b.executionArn(arn)),
                d -> d.status() != ExecutionStatus.RUNNING);
    }

    @Test
    void aBacktrackingRegexInEachRegexFunctionFailsItsExecutionWithinSeconds() {
        String input = "{\"s\": \"" + FORTY_AS + "\"}";
        long start = System.nanoTime();
        List<String> arns = List.of(
                execute("$contains($states.input.s, /(.*a){12}b/)", input),
                execute("$match($states.input.s, /(.*a){12}b/)", input),
                execute("$replace($states.input.s, /(.*a){12}b/, 'x')", input),
                execute("$split($states.input.s, /(.*a){12}b/)", input));
        for (String arn : arns) {
            DescribeExecutionResponse e = finished(arn);
            assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(e.error()).isEqualTo("States.QueryEvaluationError");
            assertThat(e.cause()).contains("/(.*a){12}b/").contains("backtracks");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void otherExecutionsRunWhileBacktrackingRegexesAreStopped() {
        String input = "{\"s\": \"" + FORTY_AS + "\"}";
        List<String> slow = List.of(execute("$contains($states.input.s, /(.*a){12}b/)", input),
                execute("$contains($states.input.s, /(.*a){12}b/)", input),
                execute("$contains($states.input.s, /(.*a){12}b/)", input));
        long start = System.nanoTime();
        DescribeExecutionResponse quick = finished(execute("$contains($states.input.s, /a+/)", input));
        assertThat(quick.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(quick.output()).isEqualTo("{\"result\":true}");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        slow.forEach(arn -> assertThat(finished(arn).status()).isEqualTo(ExecutionStatus.FAILED));
    }

    @Test
    void regexFunctionsAnswerAsJsonataDoes() {
        String input = "{\"s\": \"deploy-web-42, deploy-api-7\"}";
        assertThat(finished(execute("$contains($states.input.s, /api-[0-9]+/)", input)).output())
                .isEqualTo("{\"result\":true}");
        assertThat(finished(execute("$match($states.input.s, /deploy-([a-z]+)-([0-9]+)/).groups[0]", input)).output())
                .isEqualTo("{\"result\":[\"web\",\"api\"]}");
        assertThat(finished(execute("$replace($states.input.s, /deploy-([a-z]+)/, 'ship-$1')", input)).output())
                .isEqualTo("{\"result\":\"ship-web-42, ship-api-7\"}");
        assertThat(finished(execute("$split($states.input.s, /,\\\\s*/)", input)).output())
                .isEqualTo("{\"result\":[\"deploy-web-42\",\"deploy-api-7\"]}");
        assertThat(finished(execute("$states.input.s ~> $contains(/web/)", input)).output())
                .isEqualTo("{\"result\":true}");
    }
}
