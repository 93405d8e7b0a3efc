package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.WireValues.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** Tags of state machines and activities, and the TagResource / UntagResource / ListTagsForResource operations. */
final class TagStore {
    private static final int MAX_TAGS = 50;
    private final Map<String, Map<String, String>> byArn = new ConcurrentHashMap<>();
    private final Predicate<String> exists;

    /** @param resourceExists whether a state machine or activity of that ARN exists */
    TagStore(Predicate<String> resourceExists) {
        this.exists = resourceExists;
    }

    void register(Map<String, Operation> operations) {
        operations.put("TagResource", this::tag);
        operations.put("UntagResource", this::untag);
        operations.put("ListTagsForResource", this::listTags);
    }

    void put(String arn, Map<String, String> tags) {
        if (!tags.isEmpty()) {
            byArn.computeIfAbsent(arn, k -> new ConcurrentHashMap<>()).putAll(tags);
        }
    }

    void remove(String arn) {
        byArn.remove(arn);
    }

    /** The {@code tags} member of a request, [{key, value}], in order. */
    static Map<String, String> parse(ApiRequest request) {
        Map<String, String> tags = new LinkedHashMap<>();
        request.optionalArray("tags").ifPresent(array -> {
            if (array.size() > MAX_TAGS) {
                throw ApiErrors.validation("tags", "of " + array.size() + " tags", "Member must have length less than or equal to " + MAX_TAGS);
            }
            for (JsonNode tag : array) {
                JsonNode key = tag.get("key");
                if (key == null || !key.isTextual() || key.asText().isEmpty()) {
                    throw ApiErrors.validation("tags.member.key", "null", "Member must not be null (give every tag a key)");
                }
                JsonNode value = tag.get("value");
                tags.put(key.asText(), value == null || value.isNull() ? "" : value.asText());
            }
        });
        return tags;
    }

    private String existingResource(ApiRequest request) {
        String arn = request.requiredString("resourceArn", 1, 256);
        ResourceArn.parse(arn, "resourceArn", "stateMachine", "activity");
        if (!exists.test(arn)) {
            throw new ApiException("ResourceNotFound", "Resource not found: '" + arn
                    + "': tag an existing state machine or activity");
        }
        return arn;
    }

    private ObjectNode tag(ApiRequest request) {
        put(existingResource(request), parse(request));
        return object();
    }

    private ObjectNode untag(ApiRequest request) {
        String arn = existingResource(request);
        JsonNode keys = request.optionalArray("tagKeys").orElseThrow(() -> ApiErrors.missing("tagKeys"));
        Map<String, String> tags = byArn.get(arn);
        if (tags != null) {
            keys.forEach(k -> tags.remove(k.asText()));
        }
        return object();
    }

    private ObjectNode listTags(ApiRequest request) {
        String arn = existingResource(request);
        ObjectNode response = object();
        ArrayNode items = response.putArray("tags");
        byArn.getOrDefault(arn, Map.of()).forEach((k, v) -> items.addObject().put("key", k).put("value", v));
        return response;
    }
}
