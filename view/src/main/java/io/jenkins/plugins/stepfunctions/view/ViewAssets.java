package io.jenkins.plugins.stepfunctions.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page's script, style and layout library (dagre, MIT, vendored with its licence), read once from this
 * jar. Pages inline them, so a report opens offline and the console needs nothing from the network.
 */
public final class ViewAssets {
    /** The files a page needs, in the order they load. */
    public static final String LAYOUT = "dagre.min.js";
    public static final String SCRIPT = "sfn-view.js";
    public static final String STYLE = "sfn-view.css";
    public static final String LAYOUT_LICENSE = "dagre-LICENSE.txt";
    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private ViewAssets() {
    }

    public static String text(String name) {
        return CACHE.computeIfAbsent(name, ViewAssets::read);
    }

    /** A script's text made safe to inline: nothing in it may close the script element. */
    public static String inlineScript(String name) {
        return text(name).replace("</", "<\\/");
    }

    /** A page's {@code <style>} and {@code <script>} elements for the view, inlined. */
    public static String inlineHead() {
        return "<style>\n" + text(STYLE).replace("</", "<\\/") + "\n</style>\n"
                + "<script>\n/* " + text(LAYOUT_LICENSE).replace("*/", "* /").replace("</", "<\\/") + " */\n"
                + inlineScript(LAYOUT) + "\n</script>\n<script>\n" + inlineScript(SCRIPT) + "\n</script>\n";
    }

    private static String read(String name) {
        try (InputStream in = ViewAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the sfn-view jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
