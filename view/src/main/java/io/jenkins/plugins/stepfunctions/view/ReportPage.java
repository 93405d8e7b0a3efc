package io.jenkins.plugins.stepfunctions.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One HTML file: the final view and the whole history. Self-contained (script, style and layout library
 * inlined) so that it opens offline from an archive or a change ticket; or, for pages kept beside the view's
 * sources (the examples' reports), linking the assets so that they are not copied into every page.
 */
public final class ReportPage {
    private ReportPage() {
    }

    /** The self-contained page. */
    public static String html(ViewData data, List<JsonNode> history) {
        return page(data, history, "'unsafe-inline'", ViewAssets.inlineHead());
    }

    /**
     * The page with its script, style and layout library linked from {@code assets} (a URL or a path relative
     * to the page, ending without a slash) instead of inlined.
     */
    public static String linking(ViewData data, List<JsonNode> history, String assets) {
        String base = Html.text(assets);
        return page(data, history, "'unsafe-inline' 'self' file:",
                "<link rel=\"stylesheet\" href=\"" + base + "/" + ViewAssets.STYLE + "\">\n"
                + "<script src=\"" + base + "/" + ViewAssets.LAYOUT + "\"></script>\n"
                + "<script src=\"" + base + "/" + ViewAssets.SCRIPT + "\"></script>\n");
    }

    private static String page(ViewData data, List<JsonNode> history, String sources, String head) {
        String title = "Step Functions execution " + (data.execution().name() == null ? "" : data.execution().name());
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src " + sources + ";"
                + " style-src " + sources + "; img-src data:\">\n"
                + "<title>" + Html.text(title) + "</title>\n" + head + "</head>\n<body class=\"sfn-page\">\n"
                + "<div id=\"sfn-view\" class=\"sfn-view\"></div>\n"
                + "<script type=\"application/json\" id=\"sfn-view-data\">" + ViewJson.of(data) + "</script>\n"
                + "<script type=\"application/json\" id=\"sfn-view-history\">" + ViewJson.of(history) + "</script>\n"
                + "<script>SfnView.report(document.getElementById('sfn-view'),"
                + " JSON.parse(document.getElementById('sfn-view-data').textContent),"
                + " JSON.parse(document.getElementById('sfn-view-history').textContent));</script>\n"
                + "</body>\n</html>\n";
    }
}
