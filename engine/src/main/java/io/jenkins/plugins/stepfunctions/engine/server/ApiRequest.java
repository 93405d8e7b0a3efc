package io.jenkins.plugins.stepfunctions.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * One API call as the server received it: the operation, its JSON body and the region the caller
 * signed for. Field readers enforce AWS's member types and constraints.
 */
record ApiRequest(String operation, ObjectNode body, String region) {

    String requiredString(String field) {
        return optionalString(field).orElseThrow(() -> ApiErrors.missing(field));
    }

    Optional<String> optionalString(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiErrors.wrongType(field, "a string");
        }
        return Optional.of(value.asText());
    }

    /** A string member with AWS's length constraint (characters, as AWS counts them). */
    Optional<String> optionalString(String field, int maxLength) {
        Optional<String> value = optionalString(field);
        value.ifPresent(v -> {
            if (v.length() > maxLength) {
                throw ApiErrors.validation(field, "'" + abbreviate(v) + "'",
                        "Member must have length less than or equal to " + maxLength);
            }
        });
        return value;
    }

    String requiredString(String field, int minLength, int maxLength) {
        String value = optionalString(field, maxLength).orElseThrow(() -> ApiErrors.missing(field));
        if (value.length() < minLength) {
            throw ApiErrors.validation(field, "'" + value + "'",
                    "Member must have length greater than or equal to " + minLength);
        }
        return value;
    }

    Optional<Integer> optionalInt(String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiErrors.wrongType(field, "an integer");
        }
        int v = value.intValue();
        if (v < min) {
            throw ApiErrors.validation(field, "'" + v + "'", "Member must have value greater than or equal to " + min);
        }
        if (v > max) {
            throw ApiErrors.validation(field, "'" + v + "'", "Member must have value less than or equal to " + max);
        }
        return Optional.of(v);
    }

    boolean flag(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ApiErrors.wrongType(field, "a boolean");
        }
        return value.booleanValue();
    }

    /** Whether a boolean member is true, or {@code absent} when it is missing. */
    boolean flag(String field, boolean absent) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? absent : flag(field);
    }

    Optional<ObjectNode> optionalObject(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw ApiErrors.wrongType(field, "an object");
        }
        return Optional.of((ObjectNode) value);
    }

    Optional<JsonNode> optionalArray(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw ApiErrors.wrongType(field, "a list");
        }
        return Optional.of(value);
    }

    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 61) + "...";
    }
}
