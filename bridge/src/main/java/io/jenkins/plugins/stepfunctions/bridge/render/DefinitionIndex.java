package io.jenkins.plugins.stepfunctions.bridge.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The states of a definition by name, nested ones (Parallel branches, Map processors) included: the
 * renderer reads Retry limits and Wait times from here, because history events do not carry them.
 */
public final class DefinitionIndex {
    private final Map<String, JsonNode> states = new HashMap<>();

    private DefinitionIndex() {
    }

    public static DefinitionIndex empty() {
        return new DefinitionIndex();
    }

    public static DefinitionIndex of(String definitionJson) {
        DefinitionIndex index = new DefinitionIndex();
        try {
            index.collect(new ObjectMapper().readTree(definitionJson));
        } catch (JsonProcessingException e) {
            // an unreadable definition only costs the renderer its extras (retry limits, wake-up times)
        }
        return index;
    }

    private void collect(JsonNode machine) {
        JsonNode s = machine == null ? null : machine.get("States");
        if (s == null) {
            return;
        }
        s.fields().forEachRemaining(e -> {
            states.putIfAbsent(e.getKey(), e.getValue());
            JsonNode branches = e.getValue().get("Branches");
            if (branches != null) {
                branches.forEach(this::collect);
            }
            collect(e.getValue().get("ItemProcessor"));
            collect(e.getValue().get("Iterator"));
        });
    }

    public Optional<JsonNode> state(String name) {
        return Optional.ofNullable(states.get(name));
    }

    /** Retry MaxAttempts of the first retrier matching the error (AWS default 3), empty without a retrier. */
    public Optional<Integer> maxAttempts(String stateName, String error) {
        JsonNode retry = state(stateName).map(n -> n.get("Retry")).orElse(null);
        if (retry == null || !retry.isArray()) {
            return Optional.empty();
        }
        for (JsonNode retrier : retry) {
            for (JsonNode e : retrier.path("ErrorEquals")) {
                String name = e.asText();
                if (name.equals(error) || name.equals("States.ALL")
                        || (name.equals("States.TaskFailed") && error != null && !error.startsWith("States.Timeout"))) {
                    return Optional.of(retrier.path("MaxAttempts").asInt(3));
                }
            }
        }
        return Optional.empty();
    }
}
