package io.jenkins.plugins.stepfunctions.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** 200 states and 25,000 events: the data stays complete; the time it takes is logged, not asserted. */
class LargeExecutionTest {
    @Test
    void twoHundredStatesAndTwentyFiveThousandEventsGiveEveryStateItsEntries() {
        List<com.fasterxml.jackson.databind.JsonNode> history = LargeExecution.history();
        long t0 = System.nanoTime();
        ViewData view = HistoryReplay.replay("arn:aws:states:eu-west-1:1:execution:big:run", LargeExecution.definition(), history);
        long t1 = System.nanoTime();
        String html = ReportPage.html(view, history);
        long t2 = System.nanoTime();
        System.out.printf("view of %d states, %d events: replay %d ms, report page %d ms (%d KiB)%n", view.states().size(),
                view.eventCount(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, html.length() / 1024);

        assertThat(view.states()).hasSize(LargeExecution.STATES + 1);
        assertThat(view.eventCount()).isEqualTo(LargeExecution.EVENTS);
        assertThat(view.states().get("Task001").entries()).isGreaterThan(20);
        assertThat(view.states().get("Task001").eventIds()).hasSizeLessThanOrEqualTo(HistoryReplay.EVENT_IDS_PER_STATE);
        assertThat(view.states().get("Done").status()).isEqualTo(StateStatus.NOT_REACHED);
    }
}
