package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.asl.Diagnostic;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Choice rules of the JSONPath language: every comparison operator and its {@code Path} variant,
 * {@code Is*} tests, {@code And}/{@code Or}/{@code Not}, and {@code Variable} as a path.
 *
 * <p>As in AWS, a comparison whose operands are not of the operator's type is simply false; a
 * {@code Variable} (or {@code ...Path} operand) that matches nothing is a {@code States.Runtime} error,
 * except under {@code IsPresent}.
 */
public final class ChoiceRules {
    private static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
    /** RFC 3339 date-time with seconds and an offset, which is what AWS accepts as a timestamp. */
    private static final Pattern TIMESTAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Set<String> RULE_FIELDS = Set.of("Next", "Comment", "Assign", "Output");

    /** The type an operator's operand must have. */
    private enum Operand { STRING, NUMBER, BOOLEAN, TIMESTAMP, PATTERN }

    private enum Comparison { EQUALS, LESS_THAN, GREATER_THAN, LESS_THAN_EQUALS, GREATER_THAN_EQUALS }

    private record Operator(Operand operand, Comparison comparison) {
    }

    private static final Map<String, Operator> COMPARISONS = comparisons();
    private static final Set<String> TYPE_TESTS =
            Set.of("IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp");

    private ChoiceRules() {
    }

    private static Map<String, Operator> comparisons() {
        Map<String, Operator> operators = new java.util.HashMap<>();
        Map<String, Operand> families = Map.of("String", Operand.STRING, "Numeric", Operand.NUMBER,
                "Timestamp", Operand.TIMESTAMP);
        Map<String, Comparison> suffixes = Map.of("Equals", Comparison.EQUALS, "LessThan", Comparison.LESS_THAN,
                "GreaterThan", Comparison.GREATER_THAN, "LessThanEquals", Comparison.LESS_THAN_EQUALS,
                "GreaterThanEquals", Comparison.GREATER_THAN_EQUALS);
        families.forEach((family, operand) -> suffixes.forEach((suffix, comparison) ->
                operators.put(family + suffix, new Operator(operand, comparison))));
        operators.put("BooleanEquals", new Operator(Operand.BOOLEAN, Comparison.EQUALS));
        operators.put("StringMatches", new Operator(Operand.PATTERN, Comparison.EQUALS));
        return Map.copyOf(operators);
    }

    /** Whether {@code rule} (one element of Choices, or a nested rule) matches; compiles it each time. */
    public static boolean matches(JsonNode rule, PathScope scope) {
        return compile(rule).matches(scope);
    }

    /**
     * The rule as the interpreter evaluates it. A rule {@link #validate} accepts compiles; one it
     * refuses still compiles, to a rule that fails with States.Runtime when evaluated (the definition
     * is refused before it runs).
     */
    public static ChoiceRule compile(JsonNode rule) {
        if (rule.has("And")) {
            List<ChoiceRule> all = nested(rule.get("And"));
            return scope -> {
                for (ChoiceRule r : all) {
                    if (!r.matches(scope)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (rule.has("Or")) {
            List<ChoiceRule> any = nested(rule.get("Or"));
            return scope -> {
                for (ChoiceRule r : any) {
                    if (r.matches(scope)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (rule.has("Not")) {
            ChoiceRule negated = compile(rule.get("Not"));
            return scope -> !negated.matches(scope);
        }
        String variable = rule.path("Variable").asText();
        String operatorName = operatorOf(rule);
        if (operatorName == null) {
            String text = JsonValues.compact(rule);
            return scope -> {
                throw new StatesException(StatesException.RUNTIME, "The choice rule " + text
                        + " has no comparison operator");
            };
        }
        JsonNode operand = rule.get(operatorName);
        if (TYPE_TESTS.contains(operatorName)) {
            String test = operatorName;
            boolean expected = operand.asBoolean();
            return scope -> typeTest(test, JsonPaths.read(variable, scope), variable) == expected;
        }
        if (operatorName.endsWith("Path")) {
            Operator operator = COMPARISONS.get(operatorName.substring(0, operatorName.length() - "Path".length()));
            String operandPath = operand.asText();
            return scope -> {
                JsonNode value = read(variable, scope);
                JsonNode other = read(operandPath, scope);
                return compare(operator, value, other);
            };
        }
        Operator operator = COMPARISONS.get(operatorName);
        if (operator.operand() == Operand.TIMESTAMP) {
            OffsetDateTime right = timestamp(operand);
            return scope -> {
                OffsetDateTime left = timestamp(read(variable, scope));
                return left != null && right != null
                        && ordered(operator.comparison(), left.toInstant().compareTo(right.toInstant()));
            };
        }
        if (operator.operand() == Operand.PATTERN && operand.isTextual()) {
            WildcardPattern pattern = WildcardPattern.compile(operand.textValue());
            return scope -> {
                JsonNode value = read(variable, scope);
                return value.isTextual() && pattern.matches(value.textValue());
            };
        }
        return scope -> compare(operator, read(variable, scope), operand);
    }

    private static List<ChoiceRule> nested(JsonNode rules) {
        List<ChoiceRule> out = new ArrayList<>();
        rules.forEach(r -> out.add(compile(r)));
        return List.copyOf(out);
    }

    /** The value at a rule's path; States.Runtime when it reads nothing. */
    private static JsonNode read(String path, PathScope scope) {
        JsonNode value = JsonPaths.read(path, scope);
        if (value == null) {
            throw invalidPath(path);
        }
        return value;
    }

    private static StatesException invalidPath(String path) {
        return new StatesException(StatesException.RUNTIME,
                "Invalid path '" + path + "': The choice state's condition path references an invalid value.");
    }

    /** The comparison or type-test field of a data-test rule, or null when it has none. */
    private static String operatorOf(JsonNode rule) {
        Iterator<String> names = rule.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (isOperator(name)) {
                return name;
            }
        }
        return null;
    }

    private static boolean isOperator(String name) {
        if (TYPE_TESTS.contains(name) || COMPARISONS.containsKey(name)) {
            return true;
        }
        return name.endsWith("Path") && !name.equals("StringMatchesPath")
                && COMPARISONS.containsKey(name.substring(0, name.length() - "Path".length()));
    }

    private static boolean typeTest(String test, JsonNode value, String variable) {
        if (test.equals("IsPresent")) {
            return value != null;
        }
        if (value == null) {
            throw invalidPath(variable);
        }
        return switch (test) {
            case "IsNull" -> value.isNull();
            case "IsNumeric" -> value.isNumber();
            case "IsString" -> value.isTextual();
            case "IsBoolean" -> value.isBoolean();
            default -> timestamp(value) != null;
        };
    }

    private static boolean compare(Operator operator, JsonNode value, JsonNode operand) {
        int order;
        switch (operator.operand()) {
            case STRING -> {
                if (!value.isTextual() || !operand.isTextual()) {
                    return false;
                }
                order = value.textValue().compareTo(operand.textValue());
            }
            case NUMBER -> {
                if (!value.isNumber() || !operand.isNumber()) {
                    return false;
                }
                // integers (the usual counters and sizes) compare exactly as longs, without two BigDecimals
                order = isIntegral(value) && isIntegral(operand) ? Long.compare(value.longValue(), operand.longValue())
                        : value.decimalValue().compareTo(operand.decimalValue());
            }
            case BOOLEAN -> {
                return value.isBoolean() && operand.isBoolean() && value.booleanValue() == operand.booleanValue();
            }
            case TIMESTAMP -> {
                OffsetDateTime left = timestamp(value);
                OffsetDateTime right = timestamp(operand);
                if (left == null || right == null) {
                    return false;
                }
                order = left.toInstant().compareTo(right.toInstant());
            }
            default -> {
                return value.isTextual() && operand.isTextual()
                        && WildcardPattern.compile(operand.textValue()).matches(value.textValue());
            }
        }
        return ordered(operator.comparison(), order);
    }

    private static boolean ordered(Comparison comparison, int order) {
        return switch (comparison) {
            case EQUALS -> order == 0;
            case LESS_THAN -> order < 0;
            case GREATER_THAN -> order > 0;
            case LESS_THAN_EQUALS -> order <= 0;
            case GREATER_THAN_EQUALS -> order >= 0;
        };
    }

    private static boolean isIntegral(JsonNode number) {
        return number.isInt() || number.isLong();
    }

    private static OffsetDateTime timestamp(JsonNode value) {
        if (value == null || !value.isTextual() || !TIMESTAMP.matcher(value.textValue()).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.textValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Problems of one rule (unknown operator, bad path, wrong operand type) at {@code location}.
     * {@code Next} of a top-level rule is the caller's to check, since only it knows the state names;
     * a nested rule that has one is reported.
     */
    public static List<Diagnostic> validate(JsonNode rule, String location) {
        List<Diagnostic> problems = new ArrayList<>();
        validate(rule, location, true, problems);
        return problems;
    }

    private static void validate(JsonNode rule, String location, boolean topLevel, List<Diagnostic> problems) {
        if (rule == null || !rule.isObject()) {
            problems.add(error(location, "A choice rule must be an object with Variable and an operator, or "
                    + "And, Or or Not"));
            return;
        }
        if (!topLevel && rule.has("Next")) {
            problems.add(error(location + "/Next", "Only top-level choice rules have Next; remove it from the "
                    + "nested rule"));
        }
        List<String> combinators = new ArrayList<>();
        for (String name : List.of("And", "Or", "Not")) {
            if (rule.has(name)) {
                combinators.add(name);
            }
        }
        String operator = operatorOf(rule);
        if (combinators.size() > 1 || !combinators.isEmpty() && (operator != null || rule.has("Variable"))) {
            problems.add(error(location, "A choice rule has exactly one of And, Or, Not or a comparison; split "
                    + "the rule"));
            return;
        }
        if (!combinators.isEmpty()) {
            String name = combinators.get(0);
            JsonNode nested = rule.get(name);
            if (name.equals("Not")) {
                validate(nested, location + "/Not", false, problems);
            } else if (!nested.isArray() || nested.isEmpty()) {
                problems.add(error(location + "/" + name, name + " must be a non-empty array of choice rules"));
            } else {
                for (int i = 0; i < nested.size(); i++) {
                    validate(nested.get(i), location + "/" + name + "/" + i, false, problems);
                }
            }
            return;
        }
        validateDataTest(rule, location, operator, problems);
    }

    private static void validateDataTest(JsonNode rule, String location, String operator,
                                         List<Diagnostic> problems) {
        JsonNode variable = rule.get("Variable");
        if (variable == null || !variable.isTextual()) {
            problems.add(error(location + "/Variable", "A choice rule needs a Variable that is a path such as "
                    + "\"$.status\""));
        } else {
            String problem = JsonPaths.checkSyntax(variable.textValue());
            if (problem != null) {
                problems.add(error(location + "/Variable", problem));
            }
        }
        Iterator<String> names = rule.fieldNames();
        int operators = 0;
        while (names.hasNext()) {
            String name = names.next();
            if (isOperator(name)) {
                operators++;
            } else if (!name.equals("Variable") && !RULE_FIELDS.contains(name)) {
                problems.add(error(location + "/" + name, "'" + name + "' is not a choice rule field; use a "
                        + "comparison operator such as StringEquals, NumericLessThan, BooleanEquals, "
                        + "TimestampEquals, StringMatches, their Path variants, or IsNull/IsPresent/IsNumeric/"
                        + "IsString/IsBoolean/IsTimestamp"));
            }
        }
        if (operator == null) {
            problems.add(error(location, "A choice rule with Variable needs a comparison operator such as "
                    + "StringEquals or IsPresent"));
            return;
        }
        if (operators > 1) {
            problems.add(error(location, "A choice rule has exactly one comparison operator; combine several "
                    + "with And or Or"));
        }
        JsonNode operand = rule.get(operator);
        String at = location + "/" + operator;
        if (TYPE_TESTS.contains(operator) || operator.equals("BooleanEquals")) {
            if (!operand.isBoolean()) {
                problems.add(error(at, operator + " takes true or false"));
            }
            return;
        }
        if (operator.endsWith("Path")) {
            String problem = operand.isTextual() ? JsonPaths.checkSyntax(operand.textValue())
                    : operator + " takes a path such as \"$.limit\"";
            if (problem != null) {
                problems.add(error(at, problem));
            }
            return;
        }
        switch (COMPARISONS.get(operator).operand()) {
            case NUMBER -> {
                if (!operand.isNumber()) {
                    problems.add(error(at, operator + " takes a number"));
                }
            }
            case TIMESTAMP -> {
                if (timestamp(operand) == null) {
                    problems.add(error(at, operator + " takes a timestamp such as \"2024-01-31T12:00:00Z\""));
                }
            }
            default -> {
                if (!operand.isTextual()) {
                    problems.add(error(at, operator + " takes a string"));
                }
            }
        }
    }

    private static Diagnostic error(String location, String message) {
        return new Diagnostic("ERROR", SCHEMA, location, message);
    }
}
