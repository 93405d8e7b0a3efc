package io.jenkins.plugins.stepfunctions.bridge.launch;

import java.io.Serializable;
import java.util.List;

/**
 * Everything needed to start one execution.
 *
 * @param executionName a name (sanitised to AWS's rules), or null for one AWS generates
 * @param traceHeader   X-Ray trace header linking the execution to the build, or null
 */
public record LaunchRequest(StateMachineRef stateMachine, List<InputSource> input, String executionName,
                            String traceHeader) implements Serializable {
    public LaunchRequest {
        input = input == null ? List.of() : List.copyOf(input);
        executionName = executionName == null || executionName.isBlank() ? null : ExecutionNames.sanitise(executionName);
    }

    public static LaunchRequest of(String stateMachine, String inputJson) {
        return new LaunchRequest(StateMachineRef.of(stateMachine),
                inputJson == null ? List.of() : List.of(new InputSource.JsonText(inputJson)), null, null);
    }

    public LaunchRequest withName(String name) {
        return new LaunchRequest(stateMachine, input, name, traceHeader);
    }
}
