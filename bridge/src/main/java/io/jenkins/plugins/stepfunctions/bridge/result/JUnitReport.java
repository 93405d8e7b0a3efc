package io.jenkins.plugins.stepfunctions.bridge.result;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * JUnit XML as Jenkins' junit step, GitLab and most CI servers read it. Both reports (a real execution, one case
 * per state, and {@code sfn test}'s results) are written here, so that a fix to the escaping or the layout reaches
 * both.
 *
 * <p>Written by hand rather than with StAX: the JDK's writer passes control characters through, which makes the
 * whole file unreadable to the CI (an ANSI colour code in a Lambda's error cause is enough), and which writer
 * {@code XMLOutputFactory} picks depends on the class path.
 */
public final class JUnitReport {
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    /** What a character XML 1.0 cannot carry at all, not even as a reference, becomes. */
    private static final char REPLACEMENT = '\uFFFD';

    private JUnitReport() {
    }

    /**
     * @param name     the report's name (of the {@code testsuites} element)
     * @param time     the wall time of the whole run: suites or cases that ran in parallel make it less than the
     *                 sum of theirs
     */
    public record Suites(String name, Duration time, List<Suite> suites) {
    }

    /** A {@code testsuite}: its tests, failures and time are those of its cases. */
    public record Suite(String name, List<Property> properties, List<Case> cases) {
        long failures() {
            return cases.stream().filter(c -> c.failure() != null).count();
        }

        Duration time() {
            return Duration.ofNanos(cases.stream().mapToLong(c -> c.time().toNanos()).sum());
        }
    }

    /** @param value null for an empty one */
    public record Property(String name, String value) {
    }

    /**
     * @param failure   null when the case passed
     * @param systemOut null for none
     */
    public record Case(String classname, String name, Duration time, Failure failure, String systemOut) {
    }

    /** @param text the details (the element's content), null for none */
    public record Failure(String message, String type, String text) {
    }

    /** A document with one {@code testsuite} as its root. */
    public static String render(Suite suite) {
        StringBuilder xml = new StringBuilder(DECLARATION);
        suite(xml, suite, 0);
        return xml.append('\n').toString();
    }

    /** A document with a {@code testsuites} root. */
    public static String render(Suites suites) {
        StringBuilder xml = new StringBuilder(DECLARATION).append("<testsuites");
        attribute(xml, "name", suites.name());
        attribute(xml, "tests", Integer.toString(suites.suites().stream().mapToInt(s -> s.cases().size()).sum()));
        attribute(xml, "failures", Long.toString(suites.suites().stream().mapToLong(Suite::failures).sum()));
        attribute(xml, "errors", "0");
        attribute(xml, "time", seconds(suites.time()));
        xml.append('>');
        for (Suite suite : suites.suites()) {
            newline(xml, 1);
            suite(xml, suite, 1);
        }
        return xml.append("\n</testsuites>\n").toString();
    }

    private static void suite(StringBuilder xml, Suite suite, int depth) {
        xml.append("<testsuite");
        attribute(xml, "name", suite.name());
        attribute(xml, "tests", Integer.toString(suite.cases().size()));
        attribute(xml, "failures", Long.toString(suite.failures()));
        attribute(xml, "errors", "0");
        attribute(xml, "skipped", "0");
        attribute(xml, "time", seconds(suite.time()));
        xml.append('>');
        if (!suite.properties().isEmpty()) {
            newline(xml, depth + 1);
            xml.append("<properties>");
            for (Property property : suite.properties()) {
                newline(xml, depth + 2);
                xml.append("<property");
                attribute(xml, "name", property.name());
                attribute(xml, "value", property.value());
                xml.append("/>");
            }
            newline(xml, depth + 1);
            xml.append("</properties>");
        }
        for (Case c : suite.cases()) {
            newline(xml, depth + 1);
            testCase(xml, c, depth + 1);
        }
        newline(xml, depth);
        xml.append("</testsuite>");
    }

    private static void testCase(StringBuilder xml, Case c, int depth) {
        xml.append("<testcase");
        attribute(xml, "classname", c.classname());
        attribute(xml, "name", c.name());
        attribute(xml, "time", seconds(c.time()));
        xml.append('>');
        if (c.failure() == null && c.systemOut() == null) {
            xml.append("</testcase>");
            return;
        }
        if (c.failure() != null) {
            newline(xml, depth + 1);
            xml.append("<failure");
            attribute(xml, "message", c.failure().message());
            attribute(xml, "type", c.failure().type());
            xml.append('>');
            escape(xml, c.failure().text(), false);
            xml.append("</failure>");
        }
        if (c.systemOut() != null) {
            newline(xml, depth + 1);
            xml.append("<system-out>");
            escape(xml, c.systemOut(), false);
            xml.append("</system-out>");
        }
        newline(xml, depth);
        xml.append("</testcase>");
    }

    private static void attribute(StringBuilder xml, String name, String value) {
        xml.append(' ').append(name).append("=\"");
        escape(xml, value, true);
        xml.append('"');
    }

    private static void newline(StringBuilder xml, int depth) {
        xml.append('\n').append("  ".repeat(depth));
    }

    /**
     * Tabs, line breaks and apostrophes are left as they are, as the StAX writer this replaced left them, so that
     * reports stay byte for byte what they were.
     */
    private static void escape(StringBuilder xml, String text, boolean attribute) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append(attribute ? "&quot;" : "\"");
                case '\t', '\n', '\r' -> xml.append(c);
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        xml.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                        // a lone surrogate is not even UTF-8: writing the file would fail
                        xml.append(REPLACEMENT);
                    } else {
                        xml.append(c);
                    }
                }
            }
        }
    }

    private static String seconds(Duration time) {
        return String.format(Locale.ROOT, "%.3f", time.toNanos() / 1e9);
    }
}
