package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.dashjoin.jsonata.JException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import java.util.Iterator;
import java.util.Map;

/**
 * The JSONata query language as AWS embeds it: strings {@code "{% expr %}"} in Arguments, Output,
 * Assign, Condition, Items, Seconds, Timestamp ... Throws StatesException
 * ({@code States.QueryEvaluationError}) with AWS's cause when an expression fails.
 */
public final class JsonataExpressions {
    private static final String OPEN = "{%";
    private static final String CLOSE = "%}";
    private static final BoundedCache<Object> COMPILED = new BoundedCache<>(4096, JsonataExpressions::compileOrProblem);

    private JsonataExpressions() {
    }

    /** Evaluates a value: a {@code {% %}} string is evaluated; objects and arrays recursively; others copied. */
    public static JsonNode resolve(JsonNode template, JsonataScope scope) {
        return resolve(template, scope, "");
    }

    /**
     * As {@link #resolve(JsonNode, JsonataScope)}, naming {@code field} (e.g. {@code Output}, {@code Arguments},
     * {@code Assign}, {@code Items}, {@code Condition}) in causes as AWS does: {@code 'Output/result'} for the
     * key {@code result} of Output.
     */
    public static JsonNode resolve(JsonNode template, JsonataScope scope, String field) {
        return resolve(template, new JsonataBindings(scope), field);
    }

    private static JsonNode resolve(JsonNode template, JsonataBindings scope, String field) {
        if (template == null) {
            return null;
        }
        if (template.isTextual()) {
            String expression = expressionOf(template.textValue());
            return expression == null ? template : evaluate(expression, scope, field);
        }
        if (template.isObject()) {
            ObjectNode resolved = JsonValues.NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                resolved.set(entry.getKey(), resolve(entry.getValue(), scope, child(field, entry.getKey())));
            }
            return resolved;
        }
        if (template.isArray()) {
            ArrayNode resolved = JsonValues.NODES.arrayNode(template.size());
            for (int i = 0; i < template.size(); i++) {
                resolved.add(resolve(template.get(i), scope, child(field, "[" + i + "]")));
            }
            return resolved;
        }
        return template;
    }

    private static String child(String field, String key) {
        return field.isEmpty() ? key : field + "/" + key;
    }

    /** The expression inside {@code {% %}}, trimmed, or null when {@code text} is not one. */
    public static String expressionOf(String text) {
        // AWS only evaluates a string that starts with {% and ends with %}; " {% x %}" stays a literal.
        if (text.length() >= OPEN.length() + CLOSE.length() && text.startsWith(OPEN) && text.endsWith(CLOSE)) {
            return text.substring(OPEN.length(), text.length() - CLOSE.length()).strip();
        }
        return null;
    }

    /**
     * Evaluates one expression (the text inside {@code {% %}}). Throws States.QueryEvaluationError when it
     * fails, returns nothing (undefined), or returns a function.
     */
    public static JsonNode evaluate(String expression, JsonataScope scope, String field) {
        return evaluate(expression, new JsonataBindings(scope), field);
    }

    private static JsonNode evaluate(String expression, JsonataBindings scope, String field) {
        Object compiled = COMPILED.get(expression);
        if (compiled instanceof String problem) {
            throw queryError("The JSONata expression '" + expression + "' specified for the field '" + field
                    + "' threw an error during evaluation. " + problem);
        }
        CompiledJsonata jsonata = (CompiledJsonata) compiled;
        Object result;
        try {
            result = jsonata.jsonata().evaluate(null, scope.frame(jsonata));
        } catch (JException e) {
            throw queryError("The JSONata expression '" + expression + "' specified for the field '" + field
                    + "' threw an error during evaluation. " + describe(e));
        } catch (StatesException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw queryError("The JSONata expression '" + expression + "' specified for the field '" + field
                    + "' threw an error during evaluation. " + e.getMessage());
        }
        if (result == null) {
            throw queryError("The JSONata expression '" + expression + "' specified for the field '" + field
                    + "' returned nothing (undefined).");
        }
        JsonNode value = JsonataValues.toJson(result);
        if (value == null) {
            throw queryError("The JSONata expression '" + expression + "' specified for the field '" + field
                    + "' returned an unsupported result type.");
        }
        return value;
    }

    /**
     * AWS's cause when an expression of {@code field} returned a value of the wrong type, e.g. Items that is
     * not an array: {@code expectedType} is {@code array}, {@code number}, {@code string}, ...
     */
    public static StatesException unexpectedResultType(String expression, String field, String expectedType,
                                                       JsonNode value) {
        return queryError("The JSONata expression '" + expression + "' specified for the field '" + field
                + "' returned an unexpected result type. Expected '" + expectedType + "', but was '"
                + JsonValues.typeName(value) + "' for value: " + JsonValues.compact(value));
    }

    /** Null when every {@code {% %}} expression in {@code template} parses, otherwise the problem. */
    public static String checkSyntax(JsonNode template) {
        if (template == null) {
            return null;
        }
        if (template.isTextual()) {
            String expression = expressionOf(template.textValue());
            if (expression == null) {
                return null;
            }
            Object compiled = COMPILED.get(expression);
            return compiled instanceof String problem
                    ? "The JSONata expression '" + expression + "' is invalid: " + problem : null;
        }
        for (JsonNode child : template) {
            String problem = checkSyntax(child);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static Object compileOrProblem(String expression) {
        try {
            return CompiledJsonata.compile(expression);
        } catch (JException e) {
            return describe(e);
        } catch (RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
    }

    private static String describe(JException e) {
        return e.getError() + ": " + e.getMessage();
    }

    private static StatesException queryError(String cause) {
        return new StatesException(StatesException.QUERY_EVALUATION_ERROR, cause);
    }
}
