package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The 18 intrinsic functions ({@code States.Format}, {@code States.JsonToString}, {@code States.Array},
 * {@code States.MathAdd}, {@code States.UUID} ...), nested calls included. A failing call throws
 * StatesException {@code States.IntrinsicFailure} with AWS's cause
 * {@code The function '<expression>' had the following error: <detail>}; a path argument that matches nothing
 * is worded the same way with {@code States.Runtime}.
 */
public final class IntrinsicFunctions {
    /** AWS's limit on the input of Base64Encode, Base64Decode and Hash. */
    private static final int MAX_INPUT_CHARS = 10_000;
    /** AWS's limit on the size of an array built by ArrayRange. */
    private static final int MAX_RANGE_ITEMS = 1000;

    /** One intrinsic function: the call (for its name and literal arguments) and the argument values. */
    @FunctionalInterface
    private interface Function {
        JsonNode apply(IntrinsicCall call, List<JsonNode> arguments);
    }

    private static final Map<String, Function> FUNCTIONS = Map.<String, Function>ofEntries(
            Map.entry("States.Format", IntrinsicFunctions::format),
            Map.entry("States.StringToJson", IntrinsicFunctions::stringToJson),
            Map.entry("States.JsonToString", IntrinsicFunctions::jsonToString),
            Map.entry("States.Array", IntrinsicFunctions::array),
            Map.entry("States.ArrayPartition", IntrinsicFunctions::arrayPartition),
            Map.entry("States.ArrayContains", IntrinsicFunctions::arrayContains),
            Map.entry("States.ArrayRange", IntrinsicFunctions::arrayRange),
            Map.entry("States.ArrayGetItem", IntrinsicFunctions::arrayGetItem),
            Map.entry("States.ArrayLength", IntrinsicFunctions::arrayLength),
            Map.entry("States.ArrayUnique", IntrinsicFunctions::arrayUnique),
            Map.entry("States.Base64Encode", IntrinsicFunctions::base64Encode),
            Map.entry("States.Base64Decode", IntrinsicFunctions::base64Decode),
            Map.entry("States.Hash", IntrinsicFunctions::hash),
            Map.entry("States.JsonMerge", IntrinsicFunctions::jsonMerge),
            Map.entry("States.MathRandom", IntrinsicFunctions::mathRandom),
            Map.entry("States.MathAdd", IntrinsicFunctions::mathAdd),
            Map.entry("States.StringSplit", IntrinsicFunctions::stringSplit),
            Map.entry("States.UUID", IntrinsicFunctions::uuid));

    private static final BoundedCache<Object> PARSED = new BoundedCache<>(4096, IntrinsicFunctions::parseOrProblem);

    private IntrinsicFunctions() {
    }

    /** Whether {@code expression} is an intrinsic function call rather than a path. */
    public static boolean isCall(String expression) {
        return expression.startsWith("States.");
    }

    static boolean isKnown(String name) {
        return FUNCTIONS.containsKey(name);
    }

    static List<String> names() {
        return FUNCTIONS.keySet().stream().sorted().toList();
    }

    /** Evaluates {@code expression} (e.g. {@code States.Format('{}', $.name)}). */
    public static JsonNode evaluate(String expression, PathScope scope) {
        Object parsed = PARSED.get(expression);
        if (parsed instanceof String problem) {
            throw new StatesException(StatesException.INTRINSIC_FAILURE,
                    "The intrinsic function '" + expression + "' is invalid: " + problem);
        }
        try {
            return call((IntrinsicCall) parsed, scope);
        } catch (Failure failure) {
            throw new StatesException(failure.error, "The function '" + expression + "' had the following error: "
                    + failure.getMessage());
        }
    }

    /** Why a call failed, before it is worded with the whole expression as AWS does. */
    private static final class Failure extends RuntimeException {
        private final String error;

        Failure(String error, String detail) {
            super(detail, null, false, false);
            this.error = error;
        }
    }

    /** Null when {@code expression} parses and names known functions, otherwise the problem. */
    public static String checkSyntax(String expression) {
        Object parsed = PARSED.get(expression);
        if (parsed instanceof String problem) {
            return problem;
        }
        return checkArity((IntrinsicCall) parsed);
    }

    private static Object parseOrProblem(String expression) {
        try {
            return IntrinsicParser.parse(expression);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String checkArity(IntrinsicCall call) {
        int count = call.arguments().size();
        String expected = switch (call.name()) {
            case "States.Format" -> count >= 1 ? null : "at least 1 argument";
            case "States.Array" -> null;
            case "States.UUID" -> count == 0 ? null : "no arguments";
            case "States.StringToJson", "States.JsonToString", "States.ArrayLength", "States.ArrayUnique",
                    "States.Base64Encode", "States.Base64Decode" -> count == 1 ? null : "1 argument";
            case "States.ArrayPartition", "States.ArrayContains", "States.ArrayGetItem", "States.Hash",
                    "States.MathAdd", "States.StringSplit" -> count == 2 ? null : "2 arguments";
            case "States.ArrayRange", "States.JsonMerge" -> count == 3 ? null : "3 arguments";
            case "States.MathRandom" -> count == 2 || count == 3 ? null : "2 or 3 arguments";
            default -> null;
        };
        if (expected != null) {
            return call.name() + " takes " + expected + " but was given " + count;
        }
        for (IntrinsicArgument argument : call.arguments()) {
            if (argument instanceof IntrinsicCall nested) {
                String problem = checkArity(nested);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static JsonNode call(IntrinsicCall call, PathScope scope) {
        String arityProblem = checkArity(call);
        if (arityProblem != null) {
            throw failure(arityProblem);
        }
        List<JsonNode> values = new ArrayList<>(call.arguments().size());
        for (IntrinsicArgument argument : call.arguments()) {
            values.add(value(argument, call, scope));
        }
        return FUNCTIONS.get(call.name()).apply(call, values);
    }

    private static JsonNode value(IntrinsicArgument argument, IntrinsicCall call, PathScope scope) {
        if (argument instanceof IntrinsicArgument.Literal literal) {
            return literal.value();
        }
        if (argument instanceof IntrinsicArgument.PathArgument path) {
            JsonNode value = JsonPaths.read(path.path(), scope);
            if (value == null) {
                JsonNode document = JsonPaths.Target.of(path.path(), scope).document();
                throw new Failure(StatesException.RUNTIME, "The JsonPath argument for the field '" + path.path()
                        + "' could not be found in the input '" + JsonValues.compact(document) + "'");
            }
            return value;
        }
        return call((IntrinsicCall) argument, scope);
    }

    private static Failure failure(String detail) {
        return new Failure(StatesException.INTRINSIC_FAILURE, detail);
    }

    private static JsonNode format(IntrinsicCall call, List<JsonNode> args) {
        JsonNode template = args.get(0);
        if (!template.isTextual()) {
            throw failure("The first argument of States.Format must be a string, but was: " + JsonValues.compact(template));
        }
        IntrinsicArgument first = call.arguments().get(0);
        String raw = first instanceof IntrinsicArgument.Literal literal && literal.raw() != null ? literal.raw() : null;
        String text = raw != null ? raw : template.textValue();
        StringBuilder result = new StringBuilder();
        int next = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (raw != null && c == '\\' && i + 1 < text.length()) {
                result.append(text.charAt(++i));
            } else if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw failure("States.Format has more {} placeholders than arguments: " + template.textValue());
                }
                result.append(formatArgument(args.get(next++)));
                i++;
            } else {
                result.append(c);
            }
        }
        if (next != args.size()) {
            throw failure("States.Format was given " + (args.size() - 1) + " arguments for " + (next - 1)
                    + " {} placeholders: " + template.textValue());
        }
        return JsonValues.NODES.textNode(result.toString());
    }

    /** How States.Format prints a value: strings bare, containers as Java prints maps and lists. */
    private static String formatArgument(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(element -> parts.add(formatArgument(element)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (value.isObject()) {
            List<String> parts = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                parts.add(field.getKey() + "=" + formatArgument(field.getValue()));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        return JsonValues.compact(value);
    }

    private static JsonNode stringToJson(IntrinsicCall call, List<JsonNode> args) {
        JsonNode text = args.get(0);
        if (!text.isTextual()) {
            throw failure("The argument of States.StringToJson must be a string, but was: " + JsonValues.compact(text));
        }
        if (text.textValue().isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return JsonValues.MAPPER.readTree(text.textValue());
        } catch (JsonProcessingException e) {
            throw failure("The argument of States.StringToJson is not valid JSON: " + text.textValue());
        }
    }

    private static JsonNode jsonToString(IntrinsicCall call, List<JsonNode> args) {
        return JsonValues.NODES.textNode(JsonValues.compact(args.get(0)));
    }

    private static JsonNode array(IntrinsicCall call, List<JsonNode> args) {
        ArrayNode array = JsonValues.NODES.arrayNode(args.size());
        args.forEach(array::add);
        return array;
    }

    private static JsonNode arrayPartition(IntrinsicCall call, List<JsonNode> args) {
        ArrayNode array = requireArray(call, args.get(0));
        int size = requireInteger(call, args.get(1), "chunk size");
        if (size <= 0) {
            throw failure("The chunk size of States.ArrayPartition must be a positive integer, but was: " + size);
        }
        ArrayNode chunks = JsonValues.NODES.arrayNode();
        ArrayNode chunk = null;
        for (JsonNode element : array) {
            if (chunk == null || chunk.size() == size) {
                chunk = chunks.addArray();
            }
            chunk.add(element);
        }
        return chunks;
    }

    private static JsonNode arrayContains(IntrinsicCall call, List<JsonNode> args) {
        ArrayNode array = requireArray(call, args.get(0));
        for (JsonNode element : array) {
            if (JsonEquality.same(element, args.get(1))) {
                return BooleanNode.TRUE;
            }
        }
        return BooleanNode.FALSE;
    }

    private static JsonNode arrayRange(IntrinsicCall call, List<JsonNode> args) {
        int start = requireInteger(call, args.get(0), "start");
        int end = requireInteger(call, args.get(1), "end");
        int step = requireInteger(call, args.get(2), "step");
        if (step == 0) {
            throw failure("The step of States.ArrayRange must not be 0");
        }
        long count = step > 0 ? (end >= start ? ((long) end - start) / step + 1 : 0)
                : (start >= end ? ((long) start - end) / -step + 1 : 0);
        if (count > MAX_RANGE_ITEMS) {
            throw failure("States.ArrayRange would create " + count + " items; arrays cannot contain more than "
                    + MAX_RANGE_ITEMS + " items");
        }
        ArrayNode range = JsonValues.NODES.arrayNode((int) count);
        for (long i = 0, value = start; i < count; i++, value += step) {
            range.add((int) value);
        }
        return range;
    }

    private static JsonNode arrayGetItem(IntrinsicCall call, List<JsonNode> args) {
        ArrayNode array = requireArray(call, args.get(0));
        int index = requireInteger(call, args.get(1), "index");
        if (index < 0 || index >= array.size()) {
            throw failure("The index " + index + " of States.ArrayGetItem is out of bounds for an array of "
                    + array.size() + " items");
        }
        return array.get(index);
    }

    private static JsonNode arrayLength(IntrinsicCall call, List<JsonNode> args) {
        return JsonValues.NODES.numberNode(requireArray(call, args.get(0)).size());
    }

    private static JsonNode arrayUnique(IntrinsicCall call, List<JsonNode> args) {
        ArrayNode array = requireArray(call, args.get(0));
        ArrayNode unique = JsonValues.NODES.arrayNode();
        Set<JsonNode> seen = new LinkedHashSet<>();
        for (JsonNode element : array) {
            if (seen.add(JsonEquality.canonical(element))) {
                unique.add(element);
            }
        }
        return unique;
    }

    private static JsonNode base64Encode(IntrinsicCall call, List<JsonNode> args) {
        String text = requireString(call, args.get(0), MAX_INPUT_CHARS);
        return JsonValues.NODES.textNode(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode base64Decode(IntrinsicCall call, List<JsonNode> args) {
        String text = requireString(call, args.get(0), MAX_INPUT_CHARS);
        try {
            return JsonValues.NODES.textNode(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw failure("The argument of States.Base64Decode is not valid base64: " + text);
        }
    }

    private static JsonNode hash(IntrinsicCall call, List<JsonNode> args) {
        JsonNode data = args.get(0);
        String text = data.isTextual() ? data.textValue() : JsonValues.compact(data);
        if (text.length() > MAX_INPUT_CHARS) {
            throw failure("The input of States.Hash must be at most " + MAX_INPUT_CHARS + " characters, but has "
                    + text.length());
        }
        JsonNode algorithm = args.get(1);
        String name = algorithm.isTextual() ? algorithm.textValue() : JsonValues.compact(algorithm);
        if (!List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512").contains(name)) {
            throw failure("The hash algorithm '" + name + "' of States.Hash is not supported; use MD5, SHA-1, "
                    + "SHA-256, SHA-384 or SHA-512");
        }
        try {
            byte[] digest = MessageDigest.getInstance(name).digest(text.getBytes(StandardCharsets.UTF_8));
            return JsonValues.NODES.textNode(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides " + name, e);
        }
    }

    private static JsonNode jsonMerge(IntrinsicCall call, List<JsonNode> args) {
        JsonNode first = args.get(0);
        JsonNode second = args.get(1);
        JsonNode deep = args.get(2);
        if (!first.isObject() || !second.isObject()) {
            throw failure("The first two arguments of States.JsonMerge must be JSON objects, but were: "
                    + JsonValues.compact(first) + " and " + JsonValues.compact(second));
        }
        if (!deep.isBoolean() || deep.booleanValue()) {
            throw failure("Step Functions only supports the shallow merging mode of States.JsonMerge; "
                    + "set its third argument to false");
        }
        ObjectNode merged = JsonValues.NODES.objectNode();
        merged.setAll((ObjectNode) first);
        merged.setAll((ObjectNode) second);
        return merged;
    }

    private static JsonNode mathRandom(IntrinsicCall call, List<JsonNode> args) {
        int start = requireInteger(call, args.get(0), "start");
        int end = requireInteger(call, args.get(1), "end");
        if (end <= start) {
            throw failure("The end of States.MathRandom must be greater than its start, but was " + start + ", "
                    + end);
        }
        Random random = args.size() == 3 ? new Random(requireInteger(call, args.get(2), "seed"))
                : ThreadLocalRandom.current();
        return JsonValues.NODES.numberNode(start + random.nextInt(end - start));
    }

    private static JsonNode mathAdd(IntrinsicCall call, List<JsonNode> args) {
        long sum = (long) requireInteger(call, args.get(0), "value") + requireInteger(call, args.get(1), "step");
        if (sum != (int) sum) {
            throw failure("The result of States.MathAdd is out of the integer range: " + sum);
        }
        return JsonValues.NODES.numberNode((int) sum);
    }

    private static JsonNode stringSplit(IntrinsicCall call, List<JsonNode> args) {
        String text = requireString(call, args.get(0), Integer.MAX_VALUE);
        String delimiters = requireString(call, args.get(1), Integer.MAX_VALUE);
        ArrayNode parts = JsonValues.NODES.arrayNode();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (delimiters.indexOf(c) >= 0) {
                if (!part.isEmpty()) {
                    parts.add(part.toString());
                }
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (!part.isEmpty()) {
            parts.add(part.toString());
        }
        return parts;
    }

    private static JsonNode uuid(IntrinsicCall call, List<JsonNode> args) {
        return JsonValues.NODES.textNode(UUID.randomUUID().toString());
    }

    private static ArrayNode requireArray(IntrinsicCall call, JsonNode value) {
        if (!value.isArray()) {
            throw failure("The first argument of " + call.name() + " must be an array, but was: "
                    + JsonValues.compact(value));
        }
        return (ArrayNode) value;
    }

    /** An integer argument; a number with a fraction is rounded as Java's Math.round does, like AWS. */
    private static int requireInteger(IntrinsicCall call, JsonNode value, String role) {
        if (!value.isNumber()) {
            throw failure("The " + role + " argument of " + call.name() + " must be an integer, but was: "
                    + JsonValues.compact(value));
        }
        long rounded = value.isIntegralNumber() ? value.longValue() : Math.round(value.doubleValue());
        if (rounded != (int) rounded) {
            throw failure("The " + role + " argument of " + call.name() + " is out of the integer range: "
                    + JsonValues.compact(value));
        }
        return (int) rounded;
    }

    private static String requireString(IntrinsicCall call, JsonNode value, int maxLength) {
        if (!value.isTextual()) {
            throw failure("The arguments of " + call.name() + " must be strings, but one was: "
                    + JsonValues.compact(value));
        }
        if (value.textValue().length() > maxLength) {
            throw failure("The input of " + call.name() + " must be at most " + maxLength + " characters, but has "
                    + value.textValue().length());
        }
        return value.textValue();
    }
}
