package io.jenkins.plugins.stepfunctions.engine.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Compact JSON text of the node kinds states pass around (objects, arrays, strings, integers,
 * booleans, null), written the way Jackson writes them, without Jackson's per-call generator and
 * serializer set-up, which costs more than the text of a small state input. Any other kind (floating
 * point and big numbers, binary, POJO) makes {@link #write} answer null so that Jackson writes it.
 */
final class CompactJson {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** Deeper trees go to Jackson, which enforces its own nesting limit. */
    private static final int MAX_DEPTH = 500;

    private CompactJson() {
    }

    /** The text, or null when the tree holds a kind this writer leaves to Jackson. */
    static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(64);
        return append(node, out, 0) ? out.toString() : null;
    }

    private static boolean append(JsonNode node, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(field.getKey(), out);
                    out.append(':');
                    if (!append(field.getValue(), out, depth + 1)) {
                        return false;
                    }
                }
                out.append('}');
                return true;
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    if (!append(node.get(i), out, depth + 1)) {
                        return false;
                    }
                }
                out.append(']');
                return true;
            }
            case STRING -> {
                string(node.textValue(), out);
                return true;
            }
            case BOOLEAN -> {
                out.append(node.booleanValue());
                return true;
            }
            case NULL -> {
                out.append("null");
                return true;
            }
            case NUMBER -> {
                if (node.isInt()) {
                    out.append(node.intValue());
                    return true;
                }
                if (node.isLong()) {
                    out.append(node.longValue());
                    return true;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /** A JSON string as Jackson escapes it: quote, backslash and control characters only. */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, start, i);
            start = i + 1;
            out.append('\\');
            switch (c) {
                case '"', '\\' -> out.append(c);
                case '\b' -> out.append('b');
                case '\t' -> out.append('t');
                case '\f' -> out.append('f');
                case '\n' -> out.append('n');
                case '\r' -> out.append('r');
                default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(s, start, s.length());
        out.append('"');
    }
}
