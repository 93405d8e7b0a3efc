package io.jenkins.plugins.stepfunctions.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.examples.Expectations.ApprovalAnswer;
import io.jenkins.plugins.stepfunctions.examples.Expectations.ExpectedRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * Runs one test case of an example on a Step Functions endpoint with the plain SDK: starts
 * {@code arn#TestCase}, reads the history as it grows, answers the expected approvals from the task
 * tokens their TaskScheduled events carry, and reports what the execution did.
 */
final class ExampleRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final SfnClient sfn;

    ExampleRunner(SfnClient sfn) {
        this.sfn = sfn;
    }

    String create(ExampleFolder example) {
        return sfn.createStateMachine(b -> b.name(example.expectations().stateMachineName())
                .definition(example.definition().toString())
                .roleArn("arn:aws:iam::123456789012:role/" + example.name() + "-execution")).stateMachineArn();
    }

    ObservedRun run(String stateMachineArn, ExampleFolder example, ExpectedRun expected) throws InterruptedException {
        String executionArn = sfn.startExecution(b -> b.stateMachineArn(stateMachineArn + "#" + expected.testCase())
                .name(expected.testCase() + "-" + System.nanoTime())
                .input(example.input().toString())).executionArn();
        Deque<ApprovalAnswer> approvals = new ArrayDeque<>(expected.approvals());
        List<String> entered = new ArrayList<>();
        List<String> history = new ArrayList<>();
        long lastSeen = 0;
        Instant deadline = Instant.now().plus(LIMIT);
        while (true) {
            DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(executionArn));
            boolean finished = described.status() != ExecutionStatus.RUNNING;
            String nextToken = null;
            do {
                String token = nextToken;
                GetExecutionHistoryResponse page = sfn.getExecutionHistory(b -> b.executionArn(executionArn)
                        .maxResults(1000).nextToken(token));
                for (HistoryEvent event : page.events()) {
                    if (event.id() <= lastSeen) {
                        continue;
                    }
                    lastSeen = event.id();
                    history.add(describe(event));
                    if (event.typeAsString().endsWith("StateEntered")) {
                        entered.add(event.stateEnteredEventDetails().name());
                    }
                    if (event.type() == HistoryEventType.TASK_SCHEDULED && !approvals.isEmpty()
                            && entered.get(entered.size() - 1).equals(approvals.peek().state())) {
                        answer(approvals.pop(), event.taskScheduledEventDetails().parameters());
                    }
                }
                nextToken = page.nextToken();
            } while (nextToken != null);
            if (finished) {
                return new ObservedRun(described.statusAsString(), described.error(), described.cause(), entered, history);
            }
            if (Instant.now().isAfter(deadline)) {
                sfn.stopExecution(b -> b.executionArn(executionArn));
                return new ObservedRun("STILL RUNNING after " + LIMIT, null, null, entered, history);
            }
            Thread.sleep(20);
        }
    }

    /** One history event as a line: id, type, and the details that explain a path (names, outputs, errors). */
    private static String describe(HistoryEvent event) {
        StringBuilder line = new StringBuilder().append(event.id()).append(' ').append(event.typeAsString());
        if (event.stateEnteredEventDetails() != null) {
            line.append(' ').append(event.stateEnteredEventDetails().name());
        }
        if (event.stateExitedEventDetails() != null) {
            line.append(' ').append(event.stateExitedEventDetails().name()).append(" output=")
                    .append(event.stateExitedEventDetails().output());
        }
        if (event.taskSucceededEventDetails() != null) {
            line.append(" output=").append(event.taskSucceededEventDetails().output());
        }
        if (event.taskFailedEventDetails() != null) {
            line.append(' ').append(event.taskFailedEventDetails().error()).append(": ")
                    .append(event.taskFailedEventDetails().cause());
        }
        if (event.executionFailedEventDetails() != null) {
            line.append(' ').append(event.executionFailedEventDetails().error()).append(": ")
                    .append(event.executionFailedEventDetails().cause());
        }
        return line.toString();
    }

    private void answer(ApprovalAnswer answer, String parameters) {
        String token;
        try {
            token = tokenIn(JSON.readTree(parameters));
        } catch (Exception e) {
            throw new AssertionError("the parameters of " + answer.state() + " are not JSON: " + parameters, e);
        }
        if (answer.approve()) {
            ObjectNode output = JSON.createObjectNode().put("approved", true).put("approver", answer.approver())
                    .put("comment", answer.comment());
            output.putObject("parameters");
            sfn.sendTaskSuccess(b -> b.taskToken(token).output(output.toString()));
        } else {
            sfn.sendTaskFailure(b -> b.taskToken(token).error("Approval.Rejected")
                    .cause("Rejected by " + answer.approver() + ": " + answer.comment()));
        }
    }

    private static String tokenIn(JsonNode parameters) {
        if (parameters.isObject()) {
            if (parameters.has("TaskToken") && parameters.has("approval")) {
                return parameters.get("TaskToken").asText();
            }
            for (JsonNode child : parameters) {
                String found = tokenIn(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
