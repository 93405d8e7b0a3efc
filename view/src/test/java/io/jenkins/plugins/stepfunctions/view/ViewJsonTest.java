package io.jenkins.plugins.stepfunctions.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The view's data with a live page's own fields beside it (the Jenkins build page's cursor, final, answers). */
class ViewJsonTest {
    private record Final(String reason, Long historyUntil) {
    }

    @Test
    void extraFieldsSitBesideTheViewAndNullsAreLeftOut() throws Exception {
        ViewData view = HistoryReplay.replay("arn:aws:states:eu-west-1:1:execution:m:e", null, List.of());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("cursor", "0.1f");
        extra.put("final", new Final("the build has finished", null));
        extra.put("answers", null);

        JsonNode json = Events.JSON.readTree(ViewJson.of(view, extra));

        assertThat(json.path("cursor").asText()).isEqualTo("0.1f");
        assertThat(json.path("final").path("reason").asText()).isEqualTo("the build has finished");
        assertThat(json.path("final").has("historyUntil")).as("a null inside a field is left out too").isFalse();
        assertThat(json.has("answers")).isFalse();
        assertThat(json.path("lastEventId").asLong()).isZero();
        assertThat(json.path("execution").path("executionArn").asText()).isEqualTo("arn:aws:states:eu-west-1:1:execution:m:e");
    }

    @Test
    void extraFieldsAreHtmlSafeLikeTheView() throws Exception {
        ViewData view = HistoryReplay.replay("arn", null, List.of());

        String text = ViewJson.of(view, Map.of("final", Map.of("reason", "<img src=x onerror=alert(1)>")));

        assertThat(text).doesNotContain("<", ">").contains("\\u003cimg");
        assertThat(Events.JSON.readTree(text).path("final").path("reason").asText()).isEqualTo("<img src=x onerror=alert(1)>");
    }
}
