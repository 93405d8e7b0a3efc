package io.jenkins.plugins.stepfunctions.engine.dataflow;

import java.util.ArrayList;
import java.util.List;

/**
 * The pattern of a Choice rule's {@code StringMatches}, as AWS defines it: {@code *} matches any run of
 * characters (also none), {@code \*} a literal star, {@code \\} a literal backslash; every other
 * character matches itself.
 *
 * <p>Why not a regex: translating {@code *} to {@code .*} gives a backtracking matcher whose time is
 * exponential in the number of stars on a text that almost matches ({@code *a*a*a...*b} against a run of
 * {@code a}s never finishes), so one definition could hold an engine worker for good. This matcher is
 * the greedy two-pointer wildcard algorithm, done segment by segment: the pattern is split at its stars
 * into literal segments; the first must be a prefix, the last a suffix, and each one between is taken at
 * its leftmost occurrence after the previous one. Leftmost is always right because a star before a
 * segment can absorb whatever a later occurrence would have skipped, so there is never a reason to go
 * back. Each segment is searched with Knuth-Morris-Pratt, which never re-reads the text, so a match costs
 * O(text + pattern) whatever the pattern.
 *
 * <p>Immutable and thread-safe; {@link ChoiceRules} caches compiled patterns by their source text.
 */
final class WildcardPattern {
    /** Literal segments, in order; {@code segments.length == 1} when the pattern has no star. */
    private final String[] segments;
    /** KMP failure function of each segment. */
    private final int[][] failures;

    private WildcardPattern(String[] segments) {
        this.segments = segments;
        this.failures = new int[segments.length][];
        for (int i = 0; i < segments.length; i++) {
            failures[i] = failure(segments[i]);
        }
    }

    /**
     * Compiles {@code pattern}. A backslash takes the next character literally (so {@code \*} and
     * {@code \\} behave as AWS documents, and a backslash before any other character is that character,
     * as the engine accepted before); a backslash at the very end is a literal backslash rather than an
     * error, since AWS accepts such a definition.
     */
    static WildcardPattern compile(String pattern) {
        List<String> segments = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                literal.append(pattern.charAt(++i));
            } else if (c == '*') {
                segments.add(literal.toString());
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        segments.add(literal.toString());
        return new WildcardPattern(segments.toArray(String[]::new));
    }

    /** Whether the whole of {@code text} matches. */
    boolean matches(String text) {
        String first = segments[0];
        if (segments.length == 1) {
            return text.equals(first);
        }
        String last = segments[segments.length - 1];
        // the fixed ends first: they cannot move, and they must not overlap
        if (text.length() < first.length() + last.length() || !text.startsWith(first) || !text.endsWith(last)) {
            return false;
        }
        int from = first.length();
        int end = text.length() - last.length();
        for (int i = 1; i < segments.length - 1; i++) {
            int at = indexOf(text, from, end, segments[i], failures[i]);
            if (at < 0) {
                return false;
            }
            from = at + segments[i].length();
        }
        return true;
    }

    /** Leftmost start of {@code segment} within {@code text[from, end)}, or -1: KMP, linear in the range. */
    private static int indexOf(String text, int from, int end, String segment, int[] failure) {
        int m = segment.length();
        if (m == 0) {
            return from;
        }
        int matched = 0;
        for (int t = from; t < end; t++) {
            char c = text.charAt(t);
            while (matched > 0 && segment.charAt(matched) != c) {
                matched = failure[matched - 1];
            }
            if (segment.charAt(matched) == c) {
                matched++;
                if (matched == m) {
                    return t - m + 1;
                }
            }
        }
        return -1;
    }

    /** {@code failure[i]}: length of the longest proper border of {@code segment[0..i]}. */
    private static int[] failure(String segment) {
        int[] failure = new int[segment.length()];
        int k = 0;
        for (int i = 1; i < segment.length(); i++) {
            while (k > 0 && segment.charAt(i) != segment.charAt(k)) {
                k = failure[k - 1];
            }
            if (segment.charAt(i) == segment.charAt(k)) {
                k++;
            }
            failure[i] = k;
        }
        return failure;
    }
}
