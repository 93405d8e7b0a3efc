package io.jenkins.plugins.stepfunctions.bridge.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.run.ErrorMatch;

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

    /** Retry MaxAttempts of the first retrier matching the error as the engine matches it (AWS default 3), empty without one. */
    public Optional<Integer> maxAttempts(String stateName, String error) {
        JsonNode retry = state(stateName).map(n -> n.get("Retry")).orElse(null);
        if (retry == null || !retry.isArray()) {
            return Optional.empty();
        }
        for (JsonNode retrier : retry) {
            List<String> errorEquals = new ArrayList<>();
            retrier.path("ErrorEquals").forEach(e -> errorEquals.add(e.asText()));
            // an error the history did not name can only have been matched by States.ALL
            if (error == null ? errorEquals.contains(StatesException.ALL) : ErrorMatch.matches(errorEquals, error)) {
                return Optional.of(retrier.path("MaxAttempts").asInt(3));
            }
        }
        return Optional.empty();
    }
}
