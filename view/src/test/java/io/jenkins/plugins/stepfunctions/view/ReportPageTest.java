package io.jenkins.plugins.stepfunctions.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportPageTest {
    private static final String HOSTILE = "<script>alert(1)</script>";

    @Test
    void aStateNamedLikeMarkupReachesThePageOnlyAsEscapedJson() {
        String definition = "{\"StartAt\":\"" + "<script>alert(1)<\\/script>" + "\",\"States\":{\""
                + "<script>alert(1)<\\/script>" + "\":{\"Type\":\"Pass\",\"End\":true}}}";
        Events h = new Events();
        long started = h.add("ExecutionStarted", 0, "executionStartedEventDetails",
                Events.JSON.createObjectNode().put("input", "{\"x\":\"</script><b>\"}"));
        h.entered("Pass", HOSTILE, started);
        ViewData view = HistoryReplay.replay("arn:aws:states:eu-west-1:1:execution:m:" + HOSTILE, Events.json(definition), h.all);

        String html = ReportPage.html(view, h.all);

        assertThat(view.states()).containsKey(HOSTILE);
        assertThat(html).doesNotContain(HOSTILE).doesNotContain("</script><b>").doesNotContain("<b>")
                .contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e")
                .contains("<title>Step Functions execution &lt;script&gt;alert(1)&lt;/script&gt;</title>");
    }

    @Test
    void thePageInlinesItsScriptsAndLoadsNothing() {
        String html = ReportPage.html(HistoryReplay.replay("arn", null, java.util.List.of()), java.util.List.of());

        assertThat(html).contains("dagre").contains("Chris Pettitt").contains("SfnView")
                .doesNotContain("<script src").doesNotContain("<link").doesNotContain("sourceMappingURL")
                .contains("default-src 'none'");
    }

    @Test
    void aLinkingPageLoadsTheAssetsFromTheGivenPlaceAndInlinesNoneOfThem() {
        String html = ReportPage.linking(HistoryReplay.replay("arn", null, java.util.List.of()), java.util.List.of(),
                "../assets\"><b>");

        assertThat(html).contains("<script src=\"../assets&quot;&gt;&lt;b&gt;/dagre.min.js\"></script>",
                        "<script src=\"../assets&quot;&gt;&lt;b&gt;/sfn-view.js\"></script>",
                        "<link rel=\"stylesheet\" href=\"../assets&quot;&gt;&lt;b&gt;/sfn-view.css\">")
                .doesNotContain("Chris Pettitt").contains("default-src 'none'");
    }

    @Test
    void jsonForTheDataKeepsItsMeaningWhenMadeHtmlSafe() throws Exception {
        String json = ViewJson.htmlSafe("{\"a\":\"<&>\\u2028\"}");

        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        assertThat(Events.JSON.readTree(json).get("a").asText()).isEqualTo("<&>\u2028");
    }
}
