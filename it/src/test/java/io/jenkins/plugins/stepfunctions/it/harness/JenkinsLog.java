package io.jenkins.plugins.stepfunctions.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A controller's log (java.util.logging's format in Jenkins: {@code date [id=N]\tLEVEL\tlogger#method: message}
 * then any stack trace), read back as records, to find what the plugin got wrong: any SEVERE or WARNING
 * record that comes from the plugin's packages or names its classes (Jenkins' class filter or Timer log
 * the plugin's failures under their own loggers).
 */
public final class JenkinsLog {
    private static final Pattern RECORD_START =
            Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4} \\[id=\\d+\\]\\t(\\w+)\\t.*");
    private static final List<String> PLUGIN_MARKS =
            List.of("io.jenkins.plugins.stepfunctions", "PluginClassLoader for aws-step-functions");

    private JenkinsLog() {
    }

    public record Entry(String level, String text) {
    }

    public static List<Entry> read(Path log) throws IOException {
        List<Entry> entries = new ArrayList<>();
        String level = null;
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(log)) {
            Matcher start = RECORD_START.matcher(line);
            if (start.matches()) {
                if (level != null) {
                    entries.add(new Entry(level, text.toString()));
                }
                level = start.group(1);
                text.setLength(0);
            }
            text.append(line).append('\n');
        }
        if (level != null) {
            entries.add(new Entry(level, text.toString()));
        }
        return entries;
    }

    /** SEVERE and WARNING records the plugin caused. */
    public static List<Entry> pluginProblems(Path log) throws IOException {
        return read(log).stream()
                .filter(e -> e.level().equals("SEVERE") || e.level().equals("WARNING"))
                .filter(e -> PLUGIN_MARKS.stream().anyMatch(e.text()::contains))
                .toList();
    }
}
