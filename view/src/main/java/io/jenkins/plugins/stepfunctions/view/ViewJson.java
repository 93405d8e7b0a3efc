package io.jenkins.plugins.stepfunctions.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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
