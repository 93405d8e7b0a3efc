package io.jenkins.plugins.stepfunctions.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Choice rule in one short line, the label of its edge: {@code $.status == "Succeeded"}. */
final class ChoiceLabels {
    static final int MAX_LABEL = 60;
    private static final Map<String, String> OPERATORS = Map.ofEntries(
            Map.entry("Equals", "=="), Map.entry("LessThan", "<"), Map.entry("GreaterThan", ">"),
            Map.entry("LessThanEquals", "<="), Map.entry("GreaterThanEquals", ">="));

    private ChoiceLabels() {
    }

    static String of(JsonNode rule) {
        return abbreviate(describe(rule));
    }

    static String abbreviate(String text) {
        return text.length() <= MAX_LABEL ? text : text.substring(0, MAX_LABEL - 1) + "\u2026";
    }

    private static String describe(JsonNode rule) {
        if (rule.hasNonNull("Condition")) {
            return rule.get("Condition").asText();
        }
        if (rule.has("And") || rule.has("Or")) {
            String op = rule.has("And") ? " and " : " or ";
            List<String> parts = new ArrayList<>();
            rule.path(rule.has("And") ? "And" : "Or").forEach(r -> parts.add(describe(r)));
            return "(" + String.join(op, parts) + ")";
        }
        if (rule.has("Not")) {
            return "not " + describe(rule.get("Not"));
        }
        String variable = rule.path("Variable").asText("?");
        var fields = rule.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            String key = f.getKey();
            if (key.equals("Variable") || key.equals("Next") || key.equals("Comment") || key.equals("Assign")
                    || key.equals("Output")) {
                continue;
            }
            return variable + " " + comparison(key, f.getValue());
        }
        return variable;
    }

    private static String comparison(String operator, JsonNode value) {
        String op = operator;
        boolean path = op.endsWith("Path");
        if (path) {
            op = op.substring(0, op.length() - 4);
        }
        String shown = value.isTextual() && !path ? "\"" + value.asText() + "\"" : value.asText();
        for (String type : List.of("String", "Numeric", "Boolean", "Timestamp")) {
            if (op.startsWith(type) && OPERATORS.containsKey(op.substring(type.length()))) {
                return OPERATORS.get(op.substring(type.length())) + " " + shown;
            }
        }
        return switch (op) {
            case "IsPresent" -> value.asBoolean() ? "is present" : "is absent";
            case "IsNull" -> value.asBoolean() ? "is null" : "is not null";
            case "StringMatches" -> "matches " + shown;
            default -> op.startsWith("Is") ? (value.asBoolean() ? "" : "not ") + op.substring(2).toLowerCase()
                    : op + " " + shown;
        };
    }
}
