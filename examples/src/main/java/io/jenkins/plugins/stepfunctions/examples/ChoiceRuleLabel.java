package io.jenkins.plugins.stepfunctions.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A short, human-readable form of a Choice rule, for the edge it labels: {@code $.status == "FAILED"}. */
final class ChoiceRuleLabel {
    private static final Map<String, String> OPERATORS = Map.ofEntries(
            Map.entry("StringEquals", "=="), Map.entry("NumericEquals", "=="), Map.entry("BooleanEquals", "=="),
            Map.entry("TimestampEquals", "=="),
            Map.entry("StringLessThan", "<"), Map.entry("NumericLessThan", "<"), Map.entry("TimestampLessThan", "<"),
            Map.entry("StringGreaterThan", ">"), Map.entry("NumericGreaterThan", ">"), Map.entry("TimestampGreaterThan", ">"),
            Map.entry("StringLessThanEquals", "<="), Map.entry("NumericLessThanEquals", "<="),
            Map.entry("TimestampLessThanEquals", "<="),
            Map.entry("StringGreaterThanEquals", ">="), Map.entry("NumericGreaterThanEquals", ">="),
            Map.entry("TimestampGreaterThanEquals", ">="),
            Map.entry("StringMatches", "matches"));

    private ChoiceRuleLabel() {
    }

    static String of(JsonNode rule) {
        if (rule.has("Condition")) {
            return rule.path("Condition").asText();
        }
        if (rule.has("And")) {
            return joined(rule.path("And"), " and ");
        }
        if (rule.has("Or")) {
            return joined(rule.path("Or"), " or ");
        }
        if (rule.has("Not")) {
            return "not (" + of(rule.path("Not")) + ")";
        }
        String variable = rule.path("Variable").asText();
        for (Iterator<Map.Entry<String, JsonNode>> it = rule.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("Is")) {
                String test = name.substring(2).replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
                return variable + (value.asBoolean() ? " is " : " is not ") + test;
            }
            boolean path = name.endsWith("Path") && !name.equals("Variable");
            String operator = OPERATORS.get(path ? name.substring(0, name.length() - 4) : name);
            if (operator != null) {
                return variable + " " + operator + " " + (path || !value.isTextual() ? value.asText() : "'" + value.asText() + "'");
            }
        }
        return variable;
    }

    private static String joined(JsonNode rules, String separator) {
        List<String> parts = new ArrayList<>();
        for (JsonNode rule : rules) {
            parts.add(rules.size() > 1 ? "(" + of(rule) + ")" : of(rule));
        }
        return String.join(separator, parts);
    }
}
