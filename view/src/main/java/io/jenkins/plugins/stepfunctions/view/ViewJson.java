package io.jenkins.plugins.stepfunctions.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The view's data as JSON, safe to put inside an HTML {@code <script>} element. */
public final class ViewJson {
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private ViewJson() {
    }

    public static String of(Object data) {
        try {
            return htmlSafe(JSON.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of strings, numbers and lists always serialise", e);
        }
    }

    /**
     * The view's data with fields of the caller's beside it (a live page's {@code cursor}, {@code final}...),
     * HTML-safe like {@link #of(Object)}. A field of {@code extra} replaces one of the data of the same name;
     * null values are left out.
     */
    public static String of(ViewData data, Map<String, ?> extra) {
        ObjectNode json = JSON.valueToTree(data);
        extra.forEach((name, value) -> {
            if (value != null) {
                json.set(name, JSON.valueToTree(value));
            }
        });
        return htmlSafe(json.toString());
    }

    /**
     * Escapes what could end a {@code <script>} element or start markup. In JSON text these characters occur
     * only inside strings, where a \\u escape means the same character, so the data is unchanged for JSON.parse.
     */
    public static String htmlSafe(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
