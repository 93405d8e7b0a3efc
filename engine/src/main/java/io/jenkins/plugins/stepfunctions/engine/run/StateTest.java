package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.asl.State;
import io.jenkins.plugins.stepfunctions.engine.history.EventDetails;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * TestState: one state run once, on an execution of its own that records no history, through the
 * interpreter's own state code. The run ends with that state: its Next, a Catch's Next or a retry
 * are reported, not followed.
 */
final class StateTest {
    private StateTest() {
    }

    static CompletableFuture<StateTestResult> run(EngineServices services, StateTestRequest request) {
        State state = request.state();
        StateProbe probe = new StateProbe(request.mock(), request.retrierRetryCount(), request.context());
        // AWS runs a tested state as an EXPRESS execution of a state machine of its own ($$ shows both)
        String machine = "TestState-" + UUID.randomUUID();
        String name = UUID.randomUUID().toString();
        String prefix = "arn:aws:states:" + request.region() + ":123456789012:";
        StartRequest start = new StartRequest(prefix + "express:" + machine + ":" + name, name,
                prefix + "stateMachine:" + machine, machine, request.roleArn(), null,
                EventDetails.text(request.input()), "EXPRESS", null, null);
        ExecutionRun execution = new ExecutionRun(services, start, probe);
        CompletableFuture<StateTestResult> answer = new CompletableFuture<>();
        execution.runOneState(state, request.input(), request.variables(), (step, variables) ->
                answer.complete(result(step, probe, request.input(), variables)));
        // whatever ends the wait (the answer, the API's time limit), the run leaves nothing behind
        answer.whenComplete((r, e) -> execution.endProbe());
        return answer;
    }

    private static StateTestResult result(Step step, StateProbe probe, JsonNode input, Map<String, JsonNode> variables) {
        StateTestResult.Inspection inspection = new StateTestResult.Inspection(input, probe.afterInputPath,
                probe.afterParameters, probe.afterArguments, probe.result, probe.afterResultSelector,
                probe.afterResultPath, variables.isEmpty() ? null : new LinkedHashMap<>(variables), probe.retryIndex,
                probe.retryBackoffIntervalSeconds, probe.catchIndex, probe.httpRequest, probe.httpResponse);
        if (step instanceof Step.Failed failed) {
            StatesException e = failed.error();
            return new StateTestResult(probe.retryIndex != null ? "RETRIABLE" : "FAILED", null, e.error(), e.cause(),
                    null, inspection);
        }
        JsonNode output = step instanceof Step.Next next ? next.input() : ((Step.End) step).output();
        if (probe.caught != null) {
            return new StateTestResult("CAUGHT_ERROR", output, probe.caught.error(), probe.caught.cause(), probe.next,
                    inspection);
        }
        return new StateTestResult("SUCCEEDED", output, null, null, probe.next, inspection);
    }
}
