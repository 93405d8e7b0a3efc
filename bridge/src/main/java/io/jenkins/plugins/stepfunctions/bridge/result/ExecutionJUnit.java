package io.jenkins.plugins.stepfunctions.bridge.result;

import io.jenkins.plugins.stepfunctions.bridge.render.StateStats;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A real execution as JUnit XML ({@code junitFile:} of sfnExecute/sfnAwait), so that a CI's test trend shows how
 * each deployment step behaves build after build: one {@code testsuite} named after the state machine, one
 * {@code testcase} per state (its name stays the same from build to build, however often a loop entered it),
 * {@code time} the state's total time. A state whose task failed (whether then caught or not) or that was
 * still open when the execution failed is a {@code failure} with the error and cause; a state retried into
 * success passes, its attempts in {@code system-out}.
 */
public final class ExecutionJUnit {
    private ExecutionJUnit() {
    }

    /**
     * @param stateMachine the state machine's name (the suite and every case's classname)
     * @param outcome      how the execution ended
     * @param states       per-state statistics in order of first entry (the renderer's)
     */
    public static String render(String stateMachine, Outcome outcome, List<StateStats> states) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            long failures = states.stream().filter(ExecutionJUnit::failed).count();
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", stateMachine);
            xml.writeAttribute("tests", Integer.toString(states.size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", seconds(states.stream().mapToLong(s -> s.time().toNanos()).sum()));
            xml.writeCharacters("\n  ");
            xml.writeStartElement("properties");
            property(xml, "executionArn", outcome.executionArn());
            property(xml, "status", outcome.status());
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            for (StateStats state : states) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", stateMachine);
                xml.writeAttribute("name", state.name());
                xml.writeAttribute("time", seconds(state.time().toNanos()));
                if (failed(state)) {
                    String error = state.error() != null ? state.error() : outcome.error();
                    String cause = state.error() != null ? state.cause() : outcome.cause();
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", state.name() + " failed" + (error == null ? "" : ": " + error)
                            + ("CAUGHT".equals(state.status()) ? " (caught)" : ""));
                    xml.writeAttribute("type", error == null ? "States.Failed" : error);
                    xml.writeCharacters(cause == null ? "" : cause);
                    xml.writeEndElement();
                }
                xml.writeCharacters("\n    ");
                xml.writeStartElement("system-out");
                xml.writeCharacters(state.type() + " " + state.status() + ", entered " + state.entries()
                        + (state.entries() == 1 ? " time" : " times") + (state.attempts() > state.entries()
                        ? ", " + state.attempts() + " attempts" : ""));
                xml.writeEndElement();
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing JUnit XML to a string failed", e);
        }
        return out.toString();
    }

    /** The state machine's name from an execution ARN ({@code arn:aws:states:R:A:execution:NAME:ID}). */
    public static String stateMachineName(String executionArn) {
        String[] parts = executionArn == null ? new String[0] : executionArn.split(":");
        return parts.length >= 8 ? parts[6] : "execution";
    }

    private static boolean failed(StateStats state) {
        return switch (state.status()) {
            case "FAILED", "CAUGHT", "TIMED_OUT", "ABORTED" -> true;
            default -> false;
        };
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value == null ? "" : value);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
