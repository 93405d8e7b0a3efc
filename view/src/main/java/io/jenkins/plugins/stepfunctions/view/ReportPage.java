package io.jenkins.plugins.stepfunctions.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One self-contained HTML file: the final view and the whole history, with the script, style and layout
 * library inlined, so it opens offline from an archive or a change ticket.
 */
public final class ReportPage {
    private ReportPage() {
    }

    public static String html(ViewData data, List<JsonNode> history) {
        String title = "Step Functions execution " + (data.execution().name() == null ? "" : data.execution().name());
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline';"
                + " style-src 'unsafe-inline'; img-src data:\">\n"
                + "<title>" + Html.text(title) + "</title>\n" + ViewAssets.inlineHead() + "</head>\n<body class=\"sfn-page\">\n"
                + "<div id=\"sfn-view\" class=\"sfn-view\"></div>\n"
                + "<script type=\"application/json\" id=\"sfn-view-data\">" + ViewJson.of(data) + "</script>\n"
                + "<script type=\"application/json\" id=\"sfn-view-history\">" + ViewJson.of(history) + "</script>\n"
                + "<script>SfnView.report(document.getElementById('sfn-view'),"
                + " JSON.parse(document.getElementById('sfn-view-data').textContent),"
                + " JSON.parse(document.getElementById('sfn-view-history').textContent));</script>\n"
                + "</body>\n</html>\n";
    }
}
