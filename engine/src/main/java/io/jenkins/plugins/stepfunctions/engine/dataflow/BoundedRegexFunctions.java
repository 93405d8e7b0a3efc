package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.dashjoin.jsonata.Jsonata;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSONata's regular-expression functions ({@code $contains}, {@code $match}, {@code $replace},
 * {@code $split}) with a time bound. The library runs {@code java.util.regex}, which backtracks: a
 * pattern like {@code /(.*a){12}b/} on forty {@code a}s runs for hours, and JSONata's own evaluation
 * bound is only checked between steps, never inside a match. Each call with a regex first scans its
 * text for every match through a {@link CharSequence} that checks a deadline as the matcher reads it;
 * past {@link #BUDGET_MILLIS} the expression fails (States.QueryEvaluationError). A call that scans in
 * time is then answered by the library's own function, so results are exactly JSONata's.
 */
final class BoundedRegexFunctions {
    /** How long one regex call may spend matching. */
    static final long BUDGET_MILLIS = 1_000;

    private static final Jsonata.JFunction CONTAINS = bounded("contains", "<s-(sf):b>", true);
    private static final Jsonata.JFunction MATCH = bounded("match", "<s-f<s:o>n?:a<o>>", false);
    private static final Jsonata.JFunction REPLACE = bounded("replace", "<s-(sf)(sf)n?:s>", false);
    private static final Jsonata.JFunction SPLIT = bounded("split", "<s-(sf)n?:a<s>>", false);

    private BoundedRegexFunctions() {
    }

    static void bindInto(Jsonata.Frame frame) {
        frame.bind("contains", CONTAINS);
        frame.bind("match", MATCH);
        frame.bind("replace", REPLACE);
        frame.bind("split", SPLIT);
    }

    private static Jsonata.JFunction bounded(String name, String signature, boolean answerFromScan) {
        // The library's own function, as it registers it: the same method of Functions, the same signature.
        Jsonata.JFunction builtIn = Jsonata.function(name, signature, com.dashjoin.jsonata.Functions.class, null, name);
        return new Jsonata.JFunction((input, args) -> {
            if (args != null && args.size() > 1 && args.get(0) instanceof String text && args.get(1) instanceof Pattern regex) {
                boolean found = scan(name, regex, text);
                if (answerFromScan) {
                    return found;
                }
            }
            return builtIn.call(input, args);
        }, signature);
    }

    /** Finds every match of {@code regex} in {@code text} within the budget; whether there was one. */
    static boolean scan(String function, Pattern regex, String text) {
        Matcher matcher = regex.matcher(new DeadlineText(text, System.nanoTime() + BUDGET_MILLIS * 1_000_000L,
                function, regex));
        boolean found = false;
        while (matcher.find()) {
            found = true;
        }
        return found;
    }

    /** A string whose reader fails once the deadline has passed (checked every 4,096 reads). */
    private static final class DeadlineText implements CharSequence {
        private final String text;
        private final long deadline;
        private final String function;
        private final Pattern regex;
        private int reads;

        DeadlineText(String text, long deadline, String function, Pattern regex) {
            this.text = text;
            this.deadline = deadline;
            this.function = function;
            this.regex = regex;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0 && System.nanoTime() > deadline) {
                throw new IllegalStateException("The regular expression /" + regex.pattern() + "/ in $" + function
                        + " takes more than " + BUDGET_MILLIS + " ms on a text of " + text.length() + " characters"
                        + " (it backtracks); sfn local stops it there. Rewrite it without nested repetition, e.g."
                        + " without (.*x){n}");
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

}
