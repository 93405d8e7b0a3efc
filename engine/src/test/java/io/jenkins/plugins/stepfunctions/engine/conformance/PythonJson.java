package io.jenkins.plugins.stepfunctions.engine.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON text exactly as Python's {@code json.dumps} writes it (", " and ": " separators, ASCII
 * only, Python's float repr) and read as {@code json.loads} reads it. The snapshot transforms
 * rewrite that text with regular expressions, so the Java port must see the same characters the
 * Python runner sees.
 */
final class PythonJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PythonJson() {
    }

    static String dumps(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, false, out);
        return out.toString();
    }

    /** {@code json.dumps(value, sort_keys=True)}, for messages. */
    static String dumpsSorted(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, true, out);
        return out.toString();
    }

    /** {@code json.loads}: empty when the text is not one JSON value. */
    static Optional<JsonNode> loads(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static JsonNode loadsOrFail(String text) {
        return loads(text).orElseThrow(() -> new IllegalStateException("not JSON after transforms: " + text));
    }

    private static void write(JsonNode node, boolean sortKeys, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? "true" : "false");
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            out.append(floatRepr(node.doubleValue()));
        } else if (node.isTextual()) {
            writeString(node.textValue(), out);
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(node.get(i), sortKeys, out);
            }
            out.append(']');
        } else {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            if (sortKeys) {
                names.sort(null);
            }
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                writeString(names.get(i), out);
                out.append(": ");
                write(node.get(names.get(i)), sortKeys, out);
            }
            out.append('}');
        }
    }

    static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Python's {@code repr(float)}: shortest digits, scientific below 1e-4 and from 1e16. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exponent = digits.length() - bd.scale() - 1;
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (exponent < -4 || exponent >= 16) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            out.append(abs < 10 ? "0" : "").append(abs);
        } else if (exponent < 0) {
            out.append("0.").append("0".repeat(-exponent - 1)).append(digits);
        } else if (digits.length() <= exponent + 1) {
            out.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
        } else {
            out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
        }
        return out.toString();
    }
}
