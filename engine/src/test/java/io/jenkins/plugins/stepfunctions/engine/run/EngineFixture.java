package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.engine.asl.StateMachineDefinition;
import io.jenkins.plugins.stepfunctions.engine.history.HistoryEvent;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** An engine with a fast time scale, and shortcuts to start definitions and read their histories. */
final class EngineFixture implements AutoCloseable {
    static final String SM_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:Deploy";
    final ExecutionEngine engine;

    EngineFixture() {
        this(null, null);
    }

    EngineFixture(JsonNode mockConfig, URI listener) {
        engine = new ExecutionEngine(new EngineConfig(Clock.systemUTC(), 0.001, mockConfig, listener));
    }

    Execution start(String definition, String input) {
        return start(definition, input, null);
    }

    Execution start(String definition, String input, String testCase) {
        try {
            String name = UUID.randomUUID().toString();
            return engine.start(new StartRequest(SM_ARN.replace(":stateMachine:", ":execution:") + ":" + name, name,
                    SM_ARN, "Deploy", "arn:aws:iam::123456789012:role/sfn", StateMachineDefinition.parse(definition),
                    input, "STANDARD", testCase, null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Execution await(Execution e) {
        try {
            return e.completion().get(60, TimeUnit.SECONDS);
        } catch (Exception ex) {
            throw new IllegalStateException("execution did not finish: " + types(e), ex);
        }
    }

    static List<HistoryEvent> events(Execution e) {
        return e.history().slice(0, e.history().size());
    }

    static List<String> types(Execution e) {
        return events(e).stream().map(HistoryEvent::type).collect(Collectors.toList());
    }

    /** "id<prev" pairs, compact for assertions on previousEventId chains. */
    static String chain(Execution e) {
        return events(e).stream().map(x -> x.id() + "<" + x.previousEventId() + " " + x.type())
                .collect(Collectors.joining(", "));
    }

    static HistoryEvent first(Execution e, String type) {
        return events(e).stream().filter(x -> x.type().equals(type)).findFirst().orElseThrow();
    }

    static String passChain(int n) {
        return "{\"StartAt\":\"S0\",\"States\":{" + IntStream.range(0, n).mapToObj(i -> "\"S" + i
                + "\":{\"Type\":\"Pass\"," + (i == n - 1 ? "\"End\":true" : "\"Next\":\"S" + (i + 1) + "\"") + "}")
                .collect(Collectors.joining(",")) + "}}";
    }

    @Override
    public void close() {
        engine.close();
    }
}
