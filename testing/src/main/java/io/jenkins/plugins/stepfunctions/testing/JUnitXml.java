package io.jenkins.plugins.stepfunctions.testing;

import io.jenkins.plugins.stepfunctions.testing.TestRunner.CaseResult;
import io.jenkins.plugins.stepfunctions.testing.TestRunner.Results;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The results as JUnit XML, as Jenkins' junit step, GitLab and most CI servers read it: one
 * {@code testsuite} per state machine, one {@code testcase} per test case (classname: the state machine,
 * name: the test case), a {@code failure} listing every difference with the expected and the actual path,
 * and the rendered execution log in {@code system-out}.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    public static void write(Results results, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(results), StandardCharsets.UTF_8);
    }

    public static String render(Results results) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "sfn test");
            xml.writeAttribute("tests", String.valueOf(results.cases().size()));
            xml.writeAttribute("failures", String.valueOf(results.failures()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("time", seconds(results.duration().toNanos()));
            for (Suite suite : results.coverage().keySet()) {
                List<CaseResult> cases = results.cases().stream().filter(c -> c.suite() == suite).toList();
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", suite.name());
                xml.writeAttribute("tests", String.valueOf(cases.size()));
                xml.writeAttribute("failures", String.valueOf(cases.stream().filter(c -> !c.passed()).count()));
                xml.writeAttribute("errors", "0");
                xml.writeAttribute("skipped", "0");
                xml.writeAttribute("time", seconds(cases.stream().mapToLong(c -> c.observed().duration().toNanos()).sum()));
                xml.writeCharacters("\n    ");
                xml.writeStartElement("properties");
                property(xml, "definition", suite.definitionFile().toString());
                property(xml, "testFile", suite.testFile().toString());
                property(xml, "coverage", String.format(Locale.ROOT, "%.1f", results.coverage().get(suite).percent()));
                xml.writeCharacters("\n    ");
                xml.writeEndElement();
                for (CaseResult c : cases) {
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("classname", suite.name());
                    xml.writeAttribute("name", c.spec().name());
                    xml.writeAttribute("time", seconds(c.observed().duration().toNanos()));
                    if (!c.passed()) {
                        xml.writeCharacters("\n      ");
                        xml.writeStartElement("failure");
                        xml.writeAttribute("message", c.differences().get(0).lines().findFirst().orElse(""));
                        xml.writeAttribute("type", "StateMachineTestFailure");
                        xml.writeCharacters(String.join("\n", c.differences()) + "\n"
                                + "expected status " + c.spec().status() + ", path " + (c.spec().path() == null ? "(not checked)" : c.spec().path())
                                + "\nactual status " + c.observed().status() + ", path "
                                + c.observed().enteredAmong(suite.definition().graph().states().keySet()) + "\n");
                        xml.writeEndElement();
                        xml.writeCharacters("\n      ");
                        xml.writeStartElement("system-out");
                        xml.writeCharacters(String.join("\n", c.observed().log()) + "\n");
                        xml.writeEndElement();
                        xml.writeCharacters("\n    ");
                    }
                    xml.writeEndElement();
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out.toString();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
