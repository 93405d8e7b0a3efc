package io.jenkins.plugins.stepfunctions.bridge.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.bridge.result.JUnitReport.Case;
import io.jenkins.plugins.stepfunctions.bridge.result.JUnitReport.Failure;
import io.jenkins.plugins.stepfunctions.bridge.result.JUnitReport.Property;
import io.jenkins.plugins.stepfunctions.bridge.result.JUnitReport.Suite;
import io.jenkins.plugins.stepfunctions.bridge.result.JUnitReport.Suites;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The JUnit XML writer both reports share: what a CI's parser reads back, and the layout around it. */
class JUnitReportTest {
    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element first(Document doc, String tag) {
        return (Element) doc.getElementsByTagName(tag).item(0);
    }

    @Test
    void markupAndQuotesInNamesMessagesAndTextAreReadBackUnchanged() throws Exception {
        String markup = "<Deploy & \"Verify\"> 'prod' ]]>";
        Case c = new Case(markup, markup, Duration.ZERO, new Failure(markup, markup, markup + "\n\tsecond line"), markup);

        Document doc = parse(JUnitReport.render(new Suite(markup, List.of(new Property(markup, markup)), List.of(c))));

        assertThat(doc.getDocumentElement().getAttribute("name")).isEqualTo(markup);
        assertThat(first(doc, "property").getAttribute("name")).isEqualTo(markup);
        assertThat(first(doc, "property").getAttribute("value")).isEqualTo(markup);
        assertThat(first(doc, "testcase").getAttribute("classname")).isEqualTo(markup);
        assertThat(first(doc, "testcase").getAttribute("name")).isEqualTo(markup);
        assertThat(first(doc, "failure").getAttribute("message")).isEqualTo(markup);
        assertThat(first(doc, "failure").getAttribute("type")).isEqualTo(markup);
        assertThat(first(doc, "failure").getTextContent()).isEqualTo(markup + "\n\tsecond line");
        assertThat(first(doc, "system-out").getTextContent()).isEqualTo(markup);
    }

    @Test
    void controlCharactersAndLoneSurrogatesBecomeReplacementCharactersSoTheReportStillParses() throws Exception {
        // a Lambda's error cause with colour codes, a state name with a stray control character
        String cause = "\u001b[31mrate exceeded\u001b[0m \ud800";
        Case c = new Case("deploy", "Deploy\u0007", Duration.ZERO, new Failure("Deploy failed\u0000", "Err", cause), null);

        String xml = JUnitReport.render(new Suite("deploy", List.of(), List.of(c)));
        Document doc = parse(xml);

        assertThat(first(doc, "testcase").getAttribute("name")).isEqualTo("Deploy\uFFFD");
        assertThat(first(doc, "failure").getAttribute("message")).isEqualTo("Deploy failed\uFFFD");
        assertThat(first(doc, "failure").getTextContent()).isEqualTo("\uFFFD[31mrate exceeded\uFFFD[0m \uFFFD");
        assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(xml)).isTrue();
    }

    @Test
    void charactersOutsideTheBasicPlaneAreKeptWhole() throws Exception {
        Case c = new Case("deploy", "ship \ud83d\ude80", Duration.ZERO, null, null);

        Document doc = parse(JUnitReport.render(new Suite("deploy", List.of(), List.of(c))));

        assertThat(first(doc, "testcase").getAttribute("name")).isEqualTo("ship \ud83d\ude80");
    }

    @Test
    void suitesCountTheirCasesAndFailuresAndASuiteTakesTheTimeOfItsCases() {
        Case passed = new Case("deploy", "HappyPath", Duration.ofMillis(1500), null, null);
        Case failed = new Case("deploy", "Broken", Duration.ofNanos(123_456_789),
                new Failure("path differs", "StateMachineTestFailure", "expected [A]"), "log\n");
        Case other = new Case("audit", "Ok", Duration.ofSeconds(2), null, "Pass SUCCEEDED");
        Suites suites = new Suites("sfn test", Duration.ofMillis(2500), List.of(
                new Suite("deploy", List.of(new Property("coverage", "80.0"), new Property("testFile", null)), List.of(passed, failed)),
                new Suite("audit", List.of(), List.of(other))));

        assertThat(JUnitReport.render(suites)).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="sfn test" tests="3" failures="1" errors="0" time="2.500">
                  <testsuite name="deploy" tests="2" failures="1" errors="0" skipped="0" time="1.623">
                    <properties>
                      <property name="coverage" value="80.0"/>
                      <property name="testFile" value=""/>
                    </properties>
                    <testcase classname="deploy" name="HappyPath" time="1.500"></testcase>
                    <testcase classname="deploy" name="Broken" time="0.123">
                      <failure message="path differs" type="StateMachineTestFailure">expected [A]</failure>
                      <system-out>log
                </system-out>
                    </testcase>
                  </testsuite>
                  <testsuite name="audit" tests="1" failures="0" errors="0" skipped="0" time="2.000">
                    <testcase classname="audit" name="Ok" time="2.000">
                      <system-out>Pass SUCCEEDED</system-out>
                    </testcase>
                  </testsuite>
                </testsuites>
                """);
    }
}
