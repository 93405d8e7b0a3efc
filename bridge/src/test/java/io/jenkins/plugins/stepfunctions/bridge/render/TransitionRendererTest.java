package io.jenkins.plugins.stepfunctions.bridge.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** Rendering of hand-made AWS history events: formats, and what must never be printed. */
class TransitionRendererTest {
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final String TOKEN = "AAAAKgAAAAIAAAAAAAAAAVeryLongSecretTaskTokenThatMustNeverBePrinted0123456789";
    final TransitionRenderer renderer = new TransitionRenderer();
    final List<RenderedLine> lines = new ArrayList<>();

    private void render(HistoryEvent.Builder b) {
        lines.addAll(renderer.render(b.build(), DefinitionIndex::empty, 1));
    }

    private void feed() {
        render(HistoryEvent.builder().id(1L).type("ExecutionStarted").timestamp(T0));
        render(HistoryEvent.builder().id(2L).previousEventId(1L).type("TaskStateEntered").timestamp(T0.plusSeconds(1))
                .stateEnteredEventDetails(d -> d.name("Approve").input("{}")));
        render(HistoryEvent.builder().id(3L).previousEventId(2L).type("TaskScheduled").timestamp(T0.plusSeconds(1))
                .taskScheduledEventDetails(d -> d.resourceType("sqs").resource("sendMessage.waitForTaskToken").region("us-east-1")
                        .parameters("{\"MessageBody\":{\"TaskToken\":\"" + TOKEN + "\"}}")));
        render(HistoryEvent.builder().id(4L).previousEventId(3L).type("TaskFailed").timestamp(T0.plusSeconds(5))
                .taskFailedEventDetails(d -> d.error("Approval.Rejected").cause("{\"approved\":false}").resourceType("sqs")
                        .resource("sendMessage.waitForTaskToken")));
        render(HistoryEvent.builder().id(5L).previousEventId(4L).type("ExecutionFailed").timestamp(T0.plusSeconds(6))
                .executionFailedEventDetails(d -> d.error("Approval.Rejected").cause("{\"approved\":false}")));
    }

    private static List<String> waitLines(double timeScale) {
        DefinitionIndex definition = DefinitionIndex.of(
                "{\"StartAt\":\"Bake\",\"States\":{\"Bake\":{\"Type\":\"Wait\",\"Seconds\":20,\"End\":true}}}");
        TransitionRenderer fresh = new TransitionRenderer();
        fresh.render(HistoryEvent.builder().id(1L).type("ExecutionStarted").timestamp(T0).build(), () -> definition, timeScale);
        return fresh.render(HistoryEvent.builder().id(2L).previousEventId(1L).type("WaitStateEntered").timestamp(T0.plusSeconds(1))
                        .stateEnteredEventDetails(d -> d.name("Bake").input("{}")).build(), () -> definition, timeScale)
                .stream().filter(l -> l.kind() == LineKind.WAIT).map(RenderedLine::text).toList();
    }

    @Test
    void aWaitOnAwsShowsItsWakeUpTime() {
        assertThat(waitLines(1)).containsExactly("  waiting until 10:00:21 UTC (20.0s)");
    }

    @Test
    void aWaitOnAnEngineRunningAtAnotherPaceShowsTheDefinitionsWaitAndTheScaledOneInsteadOfAWrongClockTime() {
        assertThat(waitLines(0.01)).containsExactly("  waiting 20.0s at the definition's pace (200ms at time scale 0.01)");
    }

    @Test
    void jsonLinesCarryKindStateEventIdAndFieldsAndNoToken() throws Exception {
        feed();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> objects = new ArrayList<>();
        for (RenderedLine l : lines) {
            String text = l.format(RenderStyle.JSON);
            assertThat(text).doesNotContain(TOKEN).doesNotContain("\n");
            objects.add(json.readTree(text));
        }

        JsonNode failed = objects.stream().filter(o -> o.path("eventId").asLong() == 4).findFirst().orElseThrow();
        assertThat(failed.path("kind").asText()).isEqualTo("failed");
        assertThat(failed.path("state").asText()).isEqualTo("Approve");
        assertThat(failed.path("error").asText()).isEqualTo("Approval.Rejected");
        assertThat(failed.path("time").asText()).isEqualTo("2026-11-25T10:00:05Z");
        assertThat(objects.get(objects.size() - 1).path("message").asText()).startsWith("  Approve");
        assertThat(objects).anyMatch(o -> o.path("kind").asText().equals("summary") && o.path("status").asText().equals("FAILED"));
    }

    @Test
    void plainLinesAreTimeStampedAndColourLinesWrapThemInAnsiCodes() {
        feed();

        assertThat(lines.get(1).format(RenderStyle.PLAIN)).isEqualTo("10:00:01 > Approve (Task)");
        assertThat(lines.stream().map(l -> l.format(RenderStyle.PLAIN)))
                .contains("10:00:05 x Approve failed: Approval.Rejected: {\"approved\":false}")
                .anyMatch(l -> l.startsWith("10:00:06 Execution FAILED in 6.0s: Approval.Rejected"));
        String red = lines.stream().filter(l -> l.kind() == LineKind.FAILED).findFirst().orElseThrow().format(RenderStyle.COLOR);
        assertThat(red).startsWith("\u001b[31m10:00:05").endsWith("\u001b[0m");
    }

    @Test
    void longCausesAreCutToOneLineOfAtMost300Characters() {
        String cause = "line one\n" + "x".repeat(1000);
        render(HistoryEvent.builder().id(1L).type("ExecutionStarted").timestamp(T0));
        render(HistoryEvent.builder().id(2L).previousEventId(1L).type("ExecutionFailed").timestamp(T0)
                .executionFailedEventDetails(d -> d.error("E").cause(cause)));

        String text = lines.get(1).text();
        assertThat(text).doesNotContain("\n").contains("line one x").endsWith("...");
        assertThat(text.length()).isLessThan(360);
    }
}
