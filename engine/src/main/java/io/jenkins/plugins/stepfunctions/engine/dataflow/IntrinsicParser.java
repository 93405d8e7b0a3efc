package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of intrinsic function calls:
 * {@code call := 'States.' NAME '(' [arg (',' arg)*] ')'},
 * {@code arg := 'string' | number | true | false | null | path | call}.
 */
final class IntrinsicParser {
    private final String text;
    private int position;

    private IntrinsicParser(String text) {
        this.text = text;
    }

    /** Parses a whole call; throws IllegalArgumentException naming the problem and where it is. */
    static IntrinsicCall parse(String text) {
        IntrinsicParser parser = new IntrinsicParser(text);
        parser.skipSpace();
        IntrinsicCall call = parser.call();
        parser.skipSpace();
        if (parser.position != text.length()) {
            throw parser.error("unexpected text after the closing parenthesis");
        }
        return call;
    }

    private IntrinsicCall call() {
        if (!text.startsWith("States.", position)) {
            throw error("expected a function name starting with 'States.'");
        }
        int start = position;
        position += "States.".length();
        while (position < text.length() && Character.isLetterOrDigit(text.charAt(position))) {
            position++;
        }
        String name = text.substring(start, position);
        if (!IntrinsicFunctions.isKnown(name)) {
            throw new IllegalArgumentException("unknown intrinsic function '" + name + "'; use one of "
                    + String.join(", ", IntrinsicFunctions.names()));
        }
        skipSpace();
        expect('(');
        List<IntrinsicArgument> arguments = new ArrayList<>();
        skipSpace();
        if (peek() == ')') {
            position++;
            return new IntrinsicCall(name, List.copyOf(arguments));
        }
        while (true) {
            skipSpace();
            arguments.add(argument());
            skipSpace();
            char c = peek();
            if (c == ',') {
                position++;
            } else if (c == ')') {
                position++;
                return new IntrinsicCall(name, List.copyOf(arguments));
            } else {
                throw error("expected ',' or ')'");
            }
        }
    }

    private IntrinsicArgument argument() {
        char c = peek();
        if (c == '\'') {
            return string();
        }
        if (c == '$') {
            return path();
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        if (text.startsWith("States.", position)) {
            return call();
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (text.startsWith(word, position) && !isWordPart(position + word.length())) {
                position += word.length();
                JsonNode value = switch (word) {
                    case "true" -> BooleanNode.TRUE;
                    case "false" -> BooleanNode.FALSE;
                    default -> NullNode.getInstance();
                };
                return new IntrinsicArgument.Literal(value, word);
            }
        }
        throw error("expected a string in single quotes, a number, true, false, null, a path or a States. call");
    }

    private boolean isWordPart(int index) {
        return index < text.length() && (Character.isLetterOrDigit(text.charAt(index)) || text.charAt(index) == '_');
    }

    private IntrinsicArgument.Literal string() {
        int start = ++position;
        StringBuilder value = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\'') {
                String raw = text.substring(start, position);
                position++;
                return new IntrinsicArgument.Literal(JsonValues.NODES.textNode(value.toString()), raw);
            }
            if (c == '\\') {
                if (position + 1 >= text.length()) {
                    break;
                }
                char escaped = text.charAt(position + 1);
                if ("'{}\\".indexOf(escaped) < 0) {
                    throw error("'\\" + escaped + "' is not an escape sequence of intrinsic functions; only \\', "
                            + "\\{, \\} and \\\\ are");
                }
                value.append(escaped);
                position += 2;
                continue;
            }
            value.append(c);
            position++;
        }
        throw new IllegalArgumentException("unterminated string starting at position " + (start - 1)
                + "; close it with ' and escape a quote inside as \\'");
    }

    private IntrinsicArgument.Literal number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        while (position < text.length() && "0123456789.eE+-".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        String number = text.substring(start, position);
        try {
            if (number.matches("-?\\d+")) {
                BigInteger integer = new BigInteger(number);
                JsonNode value = integer.bitLength() < 32 ? JsonValues.NODES.numberNode(integer.intValue())
                        : integer.bitLength() < 64 ? JsonValues.NODES.numberNode(integer.longValue())
                        : JsonValues.NODES.numberNode(integer);
                return new IntrinsicArgument.Literal(value, number);
            }
            return new IntrinsicArgument.Literal(JsonValues.NODES.numberNode(new BigDecimal(number).doubleValue()),
                    number);
        } catch (NumberFormatException e) {
            position = start;
            throw error("'" + number + "' is not a number");
        }
    }

    private IntrinsicArgument.PathArgument path() {
        int start = position;
        position++;
        int depth = 0;
        char quote = 0;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (depth > 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ')' || Character.isWhitespace(c))) {
                break;
            }
            position++;
        }
        String path = text.substring(start, position);
        String problem = JsonPaths.checkSyntax(path);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new IntrinsicArgument.PathArgument(path);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        position++;
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at position " + position + " of '" + text + "'");
    }
}
