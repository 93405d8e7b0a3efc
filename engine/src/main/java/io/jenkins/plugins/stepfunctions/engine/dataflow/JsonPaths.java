package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * JSONPath as Amazon States Language uses it: reference paths ({@code $.a.b}, {@code $['x']},
 * {@code $.a[0]}), full paths with wildcards, slices and filters where AWS allows them,
 * {@code $$} for the context object and {@code $name} for variables.
 */
public final class JsonPaths {
    /*
     * No Option is set on purpose: a definite path that misses throws PathNotFoundException, which is
     * how a missing value is told apart from a present null.
     */
    private static final Configuration CONFIGURATION = Configuration.builder()
            .jsonProvider(new StrictJsonNodeProvider(JsonValues.MAPPER))
            .mappingProvider(new JacksonMappingProvider(JsonValues.MAPPER))
            .options(EnumSet.noneOf(com.jayway.jsonpath.Option.class))
            .build();
    private static final BoundedCache<CompiledPath> COMPILED = new BoundedCache<>(4096, CompiledPath::of);

    private JsonPaths() {
    }

    /** The value at {@code path}, or null when the path matches nothing (callers word the error). */
    public static JsonNode read(String path, PathScope scope) {
        Target target = Target.of(path, scope);
        if (target.document == null) {
            return null;
        }
        return evaluate(target.path, target.document);
    }

    /**
     * The document a path reads from ({@code $}: the input, {@code $$}: the context object,
     * {@code $name}: a variable) and the path relative to that document.
     */
    record Target(JsonNode document, String path) {
        static Target of(String path, PathScope scope) {
            if (path.startsWith("$$")) {
                return new Target(orNull(scope.context()), path.substring(1));
            }
            String variable = variableName(path);
            if (variable != null) {
                JsonNode value = scope.variables() == null ? null : scope.variables().get(variable);
                return new Target(value, "$" + path.substring(1 + variable.length()));
            }
            return new Target(orNull(scope.input()), path);
        }
    }

    /** The name of the variable {@code path} reads ({@code $x.y} reads {@code x}), or null. */
    private static String variableName(String path) {
        if (path.length() < 2 || !path.startsWith("$") || !isVariableStart(path.charAt(1))) {
            return null;
        }
        int end = 1;
        while (end < path.length() && isVariablePart(path.charAt(end))) {
            end++;
        }
        return path.substring(1, end);
    }

    private static boolean isVariableStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isVariablePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null || node.isMissingNode() ? NullNode.getInstance() : node;
    }

    /**
     * AWS's States.Runtime for a path of InputPath, OutputPath, TimeoutSecondsPath ... that matches nothing:
     * {@code Invalid path '$.x' : No results for path: $['x']} (the second part is JsonPath's own explanation,
     * which AWS shows too).
     */
    public static StatesException invalidPath(String path, PathScope scope) {
        Target target = Target.of(path, scope);
        String reason = "No results for path: " + path;
        if (target.document() != null && !"$".equals(target.path())) {
            try {
                COMPILED.get(target.path()).jsonPath().read(target.document(), CONFIGURATION);
            } catch (PathNotFoundException e) {
                reason = e.getMessage();
            }
        }
        return new StatesException(StatesException.RUNTIME, "Invalid path '" + path + "' : " + reason);
    }

    static JsonNode evaluate(String path, JsonNode document) {
        if ("$".equals(path)) {
            return document;
        }
        CompiledPath parsed = COMPILED.get(path);
        if (parsed.names() != null) {
            JsonNode value = readNames(document, parsed.names());
            if (value != NOT_PLAIN) {
                return value;
            }
        }
        JsonPath compiled = parsed.jsonPath();
        Object value;
        try {
            value = compiled.read(document, CONFIGURATION);
        } catch (PathNotFoundException e) {
            // AWS answers an empty list when the container of a wildcard, slice or filter is missing.
            return compiled.isDefinite() ? null : JsonValues.NODES.arrayNode();
        }
        return toNode(value);
    }

    /**
     * A path compiled once: JsonPath's form and, for a chain of plain names ({@code $.a.b}), the names,
     * which are read straight from the tree (most paths of a definition are of that kind, and JsonPath
     * converts every scalar to a Java value and back).
     */
    private record CompiledPath(JsonPath jsonPath, String[] names) {
        private static final Pattern PLAIN = Pattern.compile("\\$(\\.[A-Za-z_][A-Za-z0-9_]*)+");

        static CompiledPath of(String path) {
            JsonPath compiled = JsonPath.compile(keepLiteralBackslashes(path));
            return new CompiledPath(compiled, PLAIN.matcher(path).matches() ? path.substring(2).split("\\.") : null);
        }
    }

    /** Stands for "JsonPath must read this one" (a scalar kind whose round trip through Java may differ). */
    private static final JsonNode NOT_PLAIN = JsonValues.NODES.missingNode();

    /** What JsonPath reads for {@code $.n1.n2...}: the node, null when missing or under a non-object. */
    private static JsonNode readNames(JsonNode document, String[] names) {
        JsonNode node = document;
        for (String name : names) {
            if (!node.isObject()) {
                return null;
            }
            node = node.get(name);
            if (node == null) {
                return null;
            }
        }
        if (node.isContainerNode() || node.isTextual() || node.isBoolean() || node.isNull() || node.isInt()
                || node.isLong() || node.isDouble()) {
            return node.isNull() ? NullNode.getInstance() : node;
        }
        return NOT_PLAIN;
    }

    private static JsonNode toNode(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        return JsonValues.MAPPER.valueToTree(value);
    }

    /**
     * ResultPath: {@code result} placed into {@code stateInput} at {@code resultPath}
     * ({@code "$"} replaces the input; null discards the result and keeps the input).
     * The input is not modified. Throws StatesException (States.ResultPathMatchFailure) when the
     * path cannot be applied to the input.
     */
    public static JsonNode applyResultPath(JsonNode stateInput, String resultPath, JsonNode result) {
        if (resultPath == null) {
            return stateInput;
        }
        if ("$".equals(resultPath)) {
            return result;
        }
        List<Object> steps = ReferencePath.steps(resultPath);
        JsonNode root = stateInput == null || stateInput.isMissingNode() ? NullNode.getInstance() : stateInput;
        return place(root, steps, 0, result, resultPath, root);
    }

    /** Copies only the containers along the path, so the input stays untouched and the rest is shared. */
    private static JsonNode place(JsonNode node, List<Object> steps, int index, JsonNode result,
                                  String resultPath, JsonNode stateInput) {
        if (index == steps.size()) {
            return result;
        }
        Object step = steps.get(index);
        if (step instanceof String field) {
            ObjectNode copy;
            if (node == null) {
                copy = JsonValues.NODES.objectNode();
            } else if (node.isObject()) {
                copy = JsonValues.NODES.objectNode();
                copy.setAll((ObjectNode) node);
            } else {
                throw matchFailure(resultPath, stateInput);
            }
            copy.set(field, place(node == null ? null : node.get(field), steps, index + 1, result, resultPath,
                    stateInput));
            return copy;
        }
        int position = (Integer) step;
        if (node == null || !node.isArray() || position >= node.size()) {
            throw matchFailure(resultPath, stateInput);
        }
        ArrayNode copy = JsonValues.NODES.arrayNode(node.size());
        copy.addAll((ArrayNode) node);
        copy.set(position, place(node.get(position), steps, index + 1, result, resultPath, stateInput));
        return copy;
    }

    private static StatesException matchFailure(String resultPath, JsonNode stateInput) {
        return new StatesException(StatesException.RESULT_PATH_MATCH_FAILURE,
                "Unable to apply ResultPath \"" + resultPath + "\" to input \"" + JsonValues.compact(stateInput)
                        + "\"");
    }

    /** Null when {@code path} is a syntactically valid path, otherwise the problem, for validation. */
    public static String checkSyntax(String path) {
        if (path == null || !path.startsWith("$")) {
            return "a path must start with '$'";
        }
        String relative = path.startsWith("$$") ? path.substring(1) : path;
        String variable = variableName(path);
        if (variable != null) {
            relative = "$" + path.substring(1 + variable.length());
        }
        if ("$".equals(relative)) {
            return null;
        }
        if (!bracketsBalance(relative)) {
            return "'" + path + "' is not a valid JSONPath: a '[' is not closed by ']'";
        }
        try {
            COMPILED.get(relative);
            return null;
        } catch (InvalidPathException e) {
            return "'" + path + "' is not a valid JSONPath: " + e.getMessage();
        }
    }

    /**
     * In a quoted bracket name AWS reads a backslash literally unless it escapes the enclosing quote or
     * another backslash ({@code $['a\"b']} names the key {@code a\"b}); JsonPath would drop it, so it is
     * doubled before compiling.
     */
    static String keepLiteralBackslashes(String path) {
        if (path.indexOf('\\') < 0) {
            return path;
        }
        StringBuilder result = new StringBuilder(path.length() + 8);
        char quote = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quote == 0) {
                if ((c == '\'' || c == '"') && i > 0 && path.charAt(i - 1) == '[') {
                    quote = c;
                }
                result.append(c);
            } else if (c == '\\' && i + 1 < path.length()) {
                char next = path.charAt(i + 1);
                result.append(c);
                if (next == quote || next == '\\') {
                    result.append(next);
                    i++;
                } else {
                    result.append('\\');
                }
            } else {
                if (c == quote) {
                    quote = 0;
                }
                result.append(c);
            }
        }
        return result.toString();
    }

    private static boolean bracketsBalance(String path) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (depth > 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth < 0) {
                return false;
            }
        }
        return depth == 0 && quote == 0;
    }

    /** Null when {@code path} is a valid reference path (no wildcards, slices or filters), else the problem. */
    public static String checkReferencePathSyntax(String path) {
        if (path == null || !path.startsWith("$")) {
            return "a reference path must start with '$'";
        }
        try {
            ReferencePath.steps(path);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The steps of a reference path: field names and array indexes. */
    static final class ReferencePath {
        private ReferencePath() {
        }

        static List<Object> steps(String path) {
            List<Object> steps = new ArrayList<>();
            int i = 1;
            while (i < path.length()) {
                char c = path.charAt(i);
                if (c == '.') {
                    int end = i + 1;
                    while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                        end++;
                    }
                    String field = path.substring(i + 1, end);
                    if (field.isEmpty() || field.equals("*")) {
                        throw invalid(path);
                    }
                    steps.add(field);
                    i = end;
                } else if (c == '[') {
                    int close = path.indexOf(']', i);
                    if (close < 0) {
                        throw invalid(path);
                    }
                    String inside = path.substring(i + 1, close).trim();
                    if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
                            || inside.startsWith("\"") && inside.endsWith("\""))) {
                        steps.add(inside.substring(1, inside.length() - 1));
                    } else if (inside.matches("\\d+")) {
                        steps.add(Integer.parseInt(inside));
                    } else {
                        throw invalid(path);
                    }
                    i = close + 1;
                } else {
                    throw invalid(path);
                }
            }
            return steps;
        }

        private static IllegalArgumentException invalid(String path) {
            return new IllegalArgumentException("'" + path
                    + "' is not a valid reference path: use $, then .field, ['field'] or [index] steps");
        }
    }
}
