package io.jenkins.plugins.stepfunctions.plugin.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.bridge.approval.Decision;
import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An approval as the {@code input} step asks it: its id, and its parameters as input fields (string,
 * boolean and choice, as the JSON types of the approval's {@code parameters} suggest, plus a comment); and
 * what the person submitted turned back into the decision sent to Step Functions. No Jenkins types here, so
 * that the rules are tested on their own.
 */
public final class ApprovalForm {
    /** The field every approval input has unless the approval names its own: the approver's comment. */
    public static final String COMMENT = "comment";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApprovalForm() {
    }

    /** What kind of input field a parameter becomes, from its JSON type. */
    public enum Kind { STRING, TEXT, BOOLEAN, CHOICE, NUMBER, JSON }

    /** One field of the input's form. {@code choices} only for CHOICE (the first is the default). */
    public record Field(String name, Kind kind, String defaultValue, List<String> choices) {
    }

    /**
     * The input's id: the state and the event that scheduled the task, and a hash of the execution (two
     * executions of one build may wait in the same state), in the characters the input step allows in a URL.
     * Derived only from the approval, so it is the same after a restart.
     */
    public static String inputId(PendingApproval approval) {
        String state = approval.state().replaceAll("[^A-Za-z0-9._~-]", "-");
        String id = state + "-" + approval.scheduledEventId() + "-" + shortHash(approval.executionArn());
        // the input step capitalises ids itself; do it here so that the id we keep is the id it uses
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    public static List<Field> fields(PendingApproval approval) {
        List<Field> fields = new ArrayList<>();
        JsonNode parameters = approval.parameters();
        boolean hasComment = false;
        if (parameters != null && parameters.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                fields.add(field(p.getKey(), p.getValue()));
                hasComment |= p.getKey().equals(COMMENT);
            }
        }
        if (!hasComment) {
            fields.add(new Field(COMMENT, Kind.TEXT, "", List.of()));
        }
        return fields;
    }

    private static Field field(String name, JsonNode value) {
        if (value.isBoolean()) {
            return new Field(name, Kind.BOOLEAN, value.asText(), List.of());
        }
        if (value.isNumber()) {
            return new Field(name, Kind.NUMBER, value.asText(), List.of());
        }
        if (value.isArray() && !value.isEmpty() && allScalars(value)) {
            List<String> choices = new ArrayList<>();
            value.forEach(c -> choices.add(c.asText()));
            return new Field(name, Kind.CHOICE, choices.get(0), choices);
        }
        if (value.isTextual() || value.isNull()) {
            return new Field(name, Kind.STRING, value.isNull() ? "" : value.asText(), List.of());
        }
        return new Field(name, Kind.JSON, value.toString(), List.of());
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The decision from what the input step hands its context: a map of field name to value, the bare value
     * when the form has one field, or null.
     *
     * @param submitted what {@code InputStepExecution.proceed} passed to {@code onSuccess}; null on Abort
     */
    public static Decision decision(PendingApproval approval, boolean approved, String approver, Object submitted) {
        List<Field> fields = fields(approval);
        Map<?, ?> values = submitted instanceof Map<?, ?> map ? map
                : submitted != null && fields.size() == 1 ? Map.of(fields.get(0).name(), submitted) : Map.of();
        String comment = null;
        ObjectNode parameters = JSON.createObjectNode();
        for (Field field : fields) {
            Object value = values.get(field.name());
            if (field.name().equals(COMMENT)) {
                comment = value == null || value.toString().isBlank() ? null : value.toString();
                if (field.kind() == Kind.TEXT) {
                    continue; // the field added for the approver's comment; a declared one is a parameter too
                }
            }
            if (value == null) {
                continue;
            }
            parameters.set(field.name(), json(field, value));
        }
        boolean approvalHasParameters = approval.parameters() != null && !approval.parameters().isEmpty();
        return new Decision(approved, approver, comment, approvalHasParameters && approved ? parameters : null);
    }

    private static JsonNode json(Field field, Object value) {
        String text = value.toString();
        return switch (field.kind()) {
            case BOOLEAN -> JSON.getNodeFactory().booleanNode(value instanceof Boolean b ? b : Boolean.parseBoolean(text));
            case NUMBER -> {
                try {
                    JsonNode number = JSON.readTree(text.trim());
                    yield number != null && number.isNumber() ? number : JSON.getNodeFactory().textNode(text);
                } catch (JsonProcessingException notANumber) {
                    yield JSON.getNodeFactory().textNode(text);
                }
            }
            case JSON -> {
                try {
                    yield JSON.readTree(text);
                } catch (JsonProcessingException notJson) {
                    yield JSON.getNodeFactory().textNode(text);
                }
            }
            default -> JSON.getNodeFactory().textNode(text);
        };
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
