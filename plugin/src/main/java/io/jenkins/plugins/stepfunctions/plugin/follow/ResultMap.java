package io.jenkins.plugins.stepfunctions.plugin.follow;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import java.util.LinkedHashMap;

/**
 * An outcome as a Pipeline script uses it: {@code [executionArn, status, output, error, cause]}, the output as
 * plain maps, lists, strings, numbers and booleans (serialisable, so the script survives a restart).
 */
public final class ResultMap {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultMap() {
    }

    public static LinkedHashMap<String, Object> of(Outcome outcome) {
        LinkedHashMap<String, Object> result = new LinkedHashMap<>();
        result.put("executionArn", outcome.executionArn());
        result.put("status", outcome.status());
        result.put("output", outcome.output() == null ? null : JSON.convertValue(outcome.output(), Object.class));
        result.put("error", outcome.error());
        result.put("cause", outcome.cause());
        return result;
    }

    public static String outputJson(Outcome outcome) {
        return outcome.output() == null ? "null" : outcome.output().toPrettyString();
    }
}
