package io.jenkins.plugins.stepfunctions.engine.server;

import io.jenkins.plugins.stepfunctions.view.ViewAssets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The console's one page: the view's assets and the console's own script, inlined (nothing from the network). */
final class ConsolePage {
    private static volatile String html;

    private ConsolePage() {
    }

    static String html() {
        String page = html;
        if (page == null) {
            page = resource("console.html")
                    .replace("<!--VIEW-->", ViewAssets.inlineHead())
                    .replace("<!--CONSOLE-->", "<script>\n" + resource("console.js").replace("</", "<\\/") + "\n</script>");
            html = page;
        }
        return page;
    }

    private static String resource(String name) {
        try (InputStream in = ConsolePage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the engine jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
