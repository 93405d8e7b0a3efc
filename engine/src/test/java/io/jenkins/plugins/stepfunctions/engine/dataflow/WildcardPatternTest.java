package io.jenkins.plugins.stepfunctions.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WildcardPatternTest {
    private static boolean matches(String pattern, String text) {
        return WildcardPattern.compile(pattern).matches(text);
    }

    @Test
    void starMatchesAnyRunIncludingNone() {
        assertThat(matches("*", "")).isTrue();
        assertThat(matches("*", "anything at all")).isTrue();
        assertThat(matches("log-*.txt", "log-.txt")).isTrue();
        assertThat(matches("log-*.txt", "log-2024-01.txt")).isTrue();
        assertThat(matches("log-*.txt", "log-2024.txt.gz")).isFalse();
        assertThat(matches("*.log", "a.txt")).isFalse();
        assertThat(matches("a*b*c", "abc")).isTrue();
        assertThat(matches("a*b*c", "aXbYbZc")).isTrue();
        assertThat(matches("a*b*c", "acb")).isFalse();
        assertThat(matches("**", "x")).isTrue();
        assertThat(matches("exact", "exact")).isTrue();
        assertThat(matches("exact", "exactly")).isFalse();
        assertThat(matches("", "")).isTrue();
        assertThat(matches("", "x")).isFalse();
    }

    @Test
    void prefixAndSuffixMayNotOverlap() {
        // "aa" is both a prefix "a" and a suffix "a"... but "a*a" needs two distinct a's
        assertThat(matches("a*a", "a")).isFalse();
        assertThat(matches("a*a", "aa")).isTrue();
        assertThat(matches("ab*ba", "aba")).isFalse();
    }

    @Test
    void middleSegmentsTakeTheirLeftmostOccurrence() {
        // the KMP search must find an occurrence that starts inside a partial match
        assertThat(matches("*aab*", "aaab")).isTrue();
        assertThat(matches("*abab*c", "abaababc")).isTrue();
        assertThat(matches("x*ab*ab*y", "xababy")).isTrue();
        assertThat(matches("x*ab*ab*y", "xaby")).isFalse();
        // a middle segment may not eat into the suffix
        assertThat(matches("*ab*b", "ab")).isFalse();
    }

    @Test
    void backslashEscapesAStarAndItself() {
        assertThat(matches("a\\*b", "a*b")).isTrue();
        assertThat(matches("a\\*b", "axxb")).isFalse();
        assertThat(matches("a\\\\b", "a\\b")).isTrue();
        assertThat(matches("a\\\\*", "a\\anything")).isTrue();
        assertThat(matches("a\\\\*", "anything")).isFalse();
        assertThat(matches("*\\**", "no star")).isFalse();
        assertThat(matches("*\\**", "one * star")).isTrue();
        // a lone backslash at the end is taken literally
        assertThat(matches("dir\\", "dir\\")).isTrue();
    }

    @Test
    void regexMetacharactersAreLiteral() {
        assertThat(matches("a.c", "abc")).isFalse();
        assertThat(matches("(a|b)+[x]?$", "(a|b)+[x]?$")).isTrue();
    }

    @Test
    void agreesWithARegexOnEveryShortPatternAndText() {
        // exhaustive over short words: every pattern over {a, b, *} up to 5 long, every text over {a, b}
        // up to 6 long, against java.util.regex (fine on inputs this small)
        for (String pattern : words("ab*", 5)) {
            Pattern regex = Pattern.compile(pattern.replace("*", ".*"));
            for (String text : words("ab", 6)) {
                assertThat(matches(pattern, text)).as("%s ~ %s", pattern, text)
                        .isEqualTo(regex.matcher(text).matches());
            }
        }
    }

    /** Every word over {@code alphabet} of length 0 to {@code maxLength}. */
    private static List<String> words(String alphabet, int maxLength) {
        List<String> words = new ArrayList<>(List.of(""));
        for (int from = 0, length = 1; length <= maxLength; length++) {
            int to = words.size();
            for (int i = from; i < to; i++) {
                for (char c : alphabet.toCharArray()) {
                    words.add(words.get(i) + c);
                }
            }
            from = to;
        }
        return words;
    }

    /**
     * The pattern that wedged a worker as a backtracking regex: it must simply answer false. There is
     * no timing assertion; if matching were still exponential this test would not finish.
     */
    @Test
    void manyStarsAgainstANearMissFinishesFalse() {
        String pattern = "*a*a*a*a*a*a*a*a*a*a*a*a*b";
        String as = "a".repeat(40);
        assertThat(matches(pattern, as)).isFalse();
        assertThat(matches(pattern, as + "b")).isTrue();
        assertThat(matches(pattern, "a".repeat(1_000_000))).isFalse();

        ObjectNode rule = JsonNodeFactory.instance.objectNode().put("Variable", "$.v").put("StringMatches", pattern);
        assertThat(ChoiceRules.matches(rule, Json.scope("{'v':'" + as + "'}"))).isFalse();
    }
}
