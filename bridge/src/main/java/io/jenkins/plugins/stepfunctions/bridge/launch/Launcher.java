package io.jenkins.plugins.stepfunctions.bridge.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.bridge.BridgeException;
import java.util.Objects;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/** Starts executions: input assembled and checked first, then one StartExecution. */
public final class Launcher {
    private final SfnClient sfn;
    private final ExecutionInputAssembler assembler = new ExecutionInputAssembler();
    private final ObjectMapper json = new ObjectMapper();

    public Launcher(SfnClient sfn) {
        this.sfn = sfn;
    }

    public Launched launch(LaunchRequest request) {
        String input = assembler.assemble(request.input());
        String stateMachineArn = resolve(request.stateMachine());
        try {
            StartExecutionResponse r = sfn.startExecution(b -> b.stateMachineArn(stateMachineArn)
                    .name(request.executionName()).input(input).traceHeader(request.traceHeader()));
            return new Launched(r.executionArn(), stateMachineArn, r.startDate(), false);
        } catch (ExecutionAlreadyExistsException e) {
            return attach(stateMachineArn, request.executionName(), input, e);
        } catch (StateMachineDoesNotExistException e) {
            throw new BridgeException("StateMachineDoesNotExist", "stateMachine",
                    "state machine " + stateMachineArn + " does not exist",
                    "check the ARN, the region and the account (or create the state machine first)");
        } catch (InvalidArnException e) {
            throw new BridgeException("InvalidArn", "stateMachine", e.awsErrorDetails().errorMessage(),
                    "use arn:aws:states:<region>:<account>:stateMachine:<name>");
        } catch (InvalidExecutionInputException e) {
            throw new InvalidInputException("assembled input", e.awsErrorDetails().errorMessage(), "fix the input");
        } catch (InvalidNameException e) {
            throw new BridgeException("InvalidName", "executionName", e.awsErrorDetails().errorMessage(),
                    "use 1-80 letters, digits, '-' and '_'");
        }
    }

    /** The state machine ARN (with qualifier) for a reference; a name is looked up with ListStateMachines. */
    public String resolve(StateMachineRef ref) {
        String arn = ref.isArn() ? ref.arnOrName() : findByName(ref.arnOrName());
        return ref.qualifier() == null ? arn : arn + ":" + ref.qualifier();
    }

    private String findByName(String name) {
        for (StateMachineListItem item : sfn.listStateMachinesPaginator(b -> b.maxResults(1000)).stateMachines()) {
            if (item.name().equals(name)) {
                return item.stateMachineArn();
            }
        }
        throw new BridgeException("StateMachineDoesNotExist", "stateMachine",
                "no state machine named '" + name + "' in this account and region",
                "check the name and the region, or give the full ARN");
    }

    /**
     * A start retried with the same name: AWS refuses it with ExecutionAlreadyExists when the input
     * differs or the execution has closed. Same input means the same deployment, so attach to it.
     */
    private Launched attach(String stateMachineArn, String name, String input, ExecutionAlreadyExistsException e) {
        String executionArn = executionArn(stateMachineArn, name);
        DescribeExecutionResponse existing = sfn.describeExecution(b -> b.executionArn(executionArn));
        if (!sameJson(existing.input(), input)) {
            throw new BridgeException("ExecutionAlreadyExists", "executionName",
                    "an execution named '" + name + "' already exists with a different input (" + existing.status() + ")",
                    "give a new execution name (e.g. add the attempt number), or start with the same input to attach");
        }
        // a closed execution is attached too: following it renders its history and outcome
        return new Launched(executionArn, stateMachineArn, existing.startDate(), true);
    }

    static String executionArn(String stateMachineArn, String name) {
        String[] parts = stateMachineArn.split(":");
        // arn:aws:states:region:account:stateMachine:name[:qualifier] -> arn:aws:states:region:account:execution:name:execName
        return String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4]) + ":execution:" + parts[6] + ":" + name;
    }

    private boolean sameJson(String a, String b) {
        try {
            return Objects.equals(json.readTree(a == null ? "{}" : a), json.readTree(b));
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
