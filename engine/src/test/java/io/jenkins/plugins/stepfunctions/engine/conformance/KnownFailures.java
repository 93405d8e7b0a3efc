package io.jenkins.plugins.stepfunctions.engine.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code conformance/known-failures.txt}: one line per case the engine does not pass yet, the case
 * id, whitespace, then the reason; {@code #} starts a comment. The list may only shrink: a listed
 * case that passes fails the build until it is removed.
 */
record KnownFailures(Map<String, String> reasons) {
    static final String RESOURCE = "/conformance/known-failures.txt";

    static KnownFailures load() {
        Map<String, String> reasons = new LinkedHashMap<>();
        try (InputStream in = KnownFailures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new KnownFailures(reasons);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+", 2);
                reasons.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KnownFailures(reasons);
    }

    boolean contains(String caseId) {
        return reasons.containsKey(caseId);
    }

    String reason(String caseId) {
        return reasons.get(caseId);
    }
}
