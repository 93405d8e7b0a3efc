package io.jenkins.plugins.stepfunctions.engine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/**
 * Runs one case through the AWS SDK exactly as the corpus's {@code run} script does:
 * CreateStateMachine, StartExecution ({@code arn#testCase} when mocked), DescribeExecution until
 * not RUNNING, GetExecutionHistory (every page), DeleteStateMachine.
 */
final class CaseExecution {
    static final String ROLE_ARN = "arn:aws:iam::000000000000:role/conformance";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * What the engine answered; {@code events} hold the part of each event a case keeps, as the
     * wire format spells it, and are null when the execution was still running at the deadline.
     */
    record Result(String stateMachineArn, String executionArn, String status, String output,
                  List<JsonNode> events) {
        boolean timedOut() {
            return events == null;
        }
    }

    private final SfnClient client;
    private final Duration timeout;

    CaseExecution(SfnClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    Result run(ConformanceCase c) throws InterruptedException {
        String smArn = createStateMachine(c);
        try {
            String startArn = smArn + (c.mocked() ? "#" + c.testCase() : "");
            String execArn = client.startExecution(b -> {
                b.stateMachineArn(startArn);
                if (!c.inputOmitted()) {
                    b.input(PythonJson.dumps(c.input()));
                }
            }).executionArn();
            long deadline = System.nanoTime() + timeout.toNanos();
            long delayMillis = 5;
            DescribeExecutionResponse desc;
            while (true) {
                desc = client.describeExecution(b -> b.executionArn(execArn));
                if (desc.status() != ExecutionStatus.RUNNING) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    client.stopExecution(b -> b.executionArn(execArn).error("Conformance.Timeout"));
                    return new Result(smArn, execArn, desc.statusAsString(), null, null);
                }
                Thread.sleep(delayMillis);
                delayMillis = Math.min(delayMillis * 2, 200);
            }
            List<JsonNode> events = new ArrayList<>();
            String token = null;
            do {
                String page = token;
                GetExecutionHistoryResponse history = client.getExecutionHistory(b -> b.executionArn(execArn)
                        .maxResults(1000).includeExecutionData(true).nextToken(page));
                history.events().forEach(e -> events.add(slim(e)));
                token = history.nextToken();
            } while (token != null);
            return new Result(smArn, execArn, desc.statusAsString(), desc.output(), events);
        } finally {
            try {
                client.deleteStateMachine(b -> b.stateMachineArn(smArn));
            } catch (RuntimeException ignored) {
                // the verdict is about the execution; a failed clean-up shows up in the next run
            }
        }
    }

    private String createStateMachine(ConformanceCase c) {
        String name = stateMachineName(c);
        String definition = PythonJson.dumps(c.definition());
        try {
            return create(name, definition);
        } catch (StateMachineAlreadyExistsException e) {
            // left over from an earlier run with another definition: delete it, create again
            for (StateMachineListItem sm : client.listStateMachinesPaginator(b -> b.maxResults(1000)).stateMachines()) {
                if (sm.name().equals(name)) {
                    client.deleteStateMachine(b -> b.stateMachineArn(sm.stateMachineArn()));
                }
            }
            return create(name, definition);
        }
    }

    private String create(String name, String definition) {
        return client.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE_ARN)
                .type(StateMachineType.STANDARD)).stateMachineArn();
    }

    static String stateMachineName(ConformanceCase c) {
        if (c.stateMachineName() != null && !c.stateMachineName().isEmpty()) {
            return c.stateMachineName();
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(c.id().getBytes(StandardCharsets.UTF_8));
            String tail = c.id().replaceAll("[^A-Za-z0-9_-]+", "-");
            tail = tail.substring(Math.max(0, tail.length() - 50)).replaceAll("^-+|-+$", "");
            String name = "cf-" + HexFormat.of().formatHex(hash).substring(0, 10) + "-" + tail;
            return name.substring(0, Math.min(80, name.length()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The runner's slim_event: id, previousEventId, type and the detail fields a case records. */
    static JsonNode slim(HistoryEvent e) {
        ObjectNode out = NODES.objectNode();
        if (e.id() != null) {
            out.put("id", e.id());
        }
        if (e.previousEventId() != null) {
            out.put("previousEventId", e.previousEventId());
        }
        if (e.typeAsString() != null) {
            out.put("type", e.typeAsString());
        }
        if (e.executionStartedEventDetails() != null) {
            details(out, "executionStartedEventDetails").put("input", e.executionStartedEventDetails().input());
        }
        if (e.executionSucceededEventDetails() != null) {
            details(out, "executionSucceededEventDetails").put("output", e.executionSucceededEventDetails().output());
        }
        if (e.executionFailedEventDetails() != null) {
            errorAndCause(details(out, "executionFailedEventDetails"),
                    e.executionFailedEventDetails().error(), e.executionFailedEventDetails().cause());
        }
        if (e.executionTimedOutEventDetails() != null) {
            errorAndCause(details(out, "executionTimedOutEventDetails"),
                    e.executionTimedOutEventDetails().error(), e.executionTimedOutEventDetails().cause());
        }
        if (e.executionAbortedEventDetails() != null) {
            errorAndCause(details(out, "executionAbortedEventDetails"),
                    e.executionAbortedEventDetails().error(), e.executionAbortedEventDetails().cause());
        }
        if (e.stateEnteredEventDetails() != null) {
            details(out, "stateEnteredEventDetails").put("name", e.stateEnteredEventDetails().name());
        }
        if (e.stateExitedEventDetails() != null) {
            ObjectNode d = details(out, "stateExitedEventDetails");
            d.put("name", e.stateExitedEventDetails().name());
            if (e.stateExitedEventDetails().output() != null) {
                d.put("output", e.stateExitedEventDetails().output());
            }
        }
        // absent fields are absent in the wire format too: drop the nulls put above
        out.fields().forEachRemaining(f -> {
            if (f.getValue().isObject()) {
                List<String> nulls = new ArrayList<>();
                f.getValue().fields().forEachRemaining(d -> {
                    if (d.getValue().isNull()) {
                        nulls.add(d.getKey());
                    }
                });
                ((ObjectNode) f.getValue()).remove(nulls);
            }
        });
        return out;
    }

    private static ObjectNode details(ObjectNode event, String field) {
        return event.putObject(field);
    }

    private static void errorAndCause(ObjectNode details, String error, String cause) {
        details.put("error", error);
        details.put("cause", cause);
    }
}
