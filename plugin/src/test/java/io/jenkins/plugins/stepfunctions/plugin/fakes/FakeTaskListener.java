package io.jenkins.plugins.stepfunctions.plugin.fakes;

import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A build log in memory. Limit: console notes (hyperlinks) are whatever {@link FakeJenkinsServices} makes them. */
public final class FakeTaskListener implements TaskListener {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Set<String> writers = ConcurrentHashMap.newKeySet();
    private final PrintStream logger = new PrintStream(bytes, true, StandardCharsets.UTF_8) {
        @Override
        public void println(String line) {
            writers.add(Thread.currentThread().getName());
            super.println(line);
        }
    };

    @Override
    public PrintStream getLogger() {
        return logger;
    }

    public synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Names of the threads that wrote lines. */
    public Set<String> writers() {
        return Set.copyOf(writers);
    }

    public List<String> lines() {
        return text().lines().toList();
    }
}
