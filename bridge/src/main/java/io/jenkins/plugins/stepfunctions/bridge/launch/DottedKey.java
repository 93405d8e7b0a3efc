package io.jenkins.plugins.stepfunctions.bridge.launch;

import java.util.List;

/**
 * A key of {@link InputSource.Values} ({@code sfn run --set KEY=VALUE}, the plugin's {@code values:}): names
 * separated by dots, each a level of nesting ({@code image.tag} sets {@code {"image":{"tag":..}}}). Keys that
 * cannot mean what their writer meant are refused with the reason, instead of silently becoming odd JSON
 * (an empty name) or failing deep inside the JSON writer (thousands of levels).
 *
 * @param key   the key as given
 * @param names its names, outermost first
 */
public record DottedKey(String key, List<String> names) {
    /**
     * Longest key accepted. Step Functions sets no limit of its own below 256 KiB, but no one types a key this
     * long: it is a value or a file pasted where the key goes (a missing {@code =}, a quoting slip).
     */
    public static final int MAX_CHARS = 1024;
    /**
     * Deepest nesting a key may ask for. The JSON reader and writer stop at 1,000 levels (Jackson's
     * limit); the input the key goes into may itself be nested, so a key gets a tenth of that.
     */
    public static final int MAX_LEVELS = 100;

    public DottedKey {
        names = List.copyOf(names);
    }

    /** @throws IllegalArgumentException whose message is the problem, then {@code "; "} and the fix */
    public static DottedKey parse(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the key is empty; write KEY=VALUE with a name before the =, e.g. image.tag=1.2.3");
        }
        if (key.length() > MAX_CHARS) {
            throw new IllegalArgumentException("the key " + shown(key) + " is " + key.length() + " characters long, over "
                    + MAX_CHARS + "; a key is a short dotted name (image.tag): check that the value is after the =");
        }
        if (key.indexOf('[') >= 0 || key.indexOf(']') >= 0) {
            throw new IllegalArgumentException("the key " + shown(key) + " has [ or ]: keys are dotted names and cannot"
                    + " index arrays; set the whole array as the value (e.g. tags='[\"a\",\"b\"]') or give the input as JSON");
        }
        List<String> names = List.of(key.split("\\.", -1));
        if (names.contains("")) {
            throw new IllegalArgumentException("the key " + shown(key) + " has an empty name "
                    + (key.startsWith(".") ? "before its first dot" : key.endsWith(".") ? "after its last dot" : "between two dots")
                    + "; write names separated by single dots, e.g. image.tag");
        }
        if (names.size() > MAX_LEVELS) {
            throw new IllegalArgumentException("the key " + shown(key) + " nests " + names.size() + " levels deep, over "
                    + MAX_LEVELS + "; give deeply nested data as JSON input instead");
        }
        return new DottedKey(key, names);
    }

    /** The key quoted for a message, cut short: a 10,000-character key must not flood the terminal. */
    static String shown(String key) {
        return "'" + (key.length() <= 40 ? key : key.substring(0, 40) + "...") + "'";
    }
}
