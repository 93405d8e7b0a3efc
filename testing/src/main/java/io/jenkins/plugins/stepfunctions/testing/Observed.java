package io.jenkins.plugins.stepfunctions.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What one execution did: its status, error, cause and output, every state it entered (any depth, in
 * order), its history events as GetExecutionHistory returns them, the rendered log, and how long it took.
 */
public record Observed(String status, String error, String cause, JsonNode output, List<String> entered,
                       List<ObjectNode> events, List<String> log, Duration duration) {

    /** The entered states that belong to {@code scope}, in order. */
    public List<String> enteredAmong(Set<String> scope) {
        return entered.stream().filter(scope::contains).toList();
    }

    public long visits(String state) {
        return entered.stream().filter(state::equals).count();
    }
}
