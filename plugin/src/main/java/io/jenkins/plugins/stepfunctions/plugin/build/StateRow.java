package io.jenkins.plugins.stepfunctions.plugin.build;

import io.jenkins.plugins.stepfunctions.bridge.render.StateStats;
import java.io.Serial;
import java.io.Serializable;

/** One row of the build page's states table. A plain class: build.xml (XStream) stores it. */
public final class StateRow implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String type;
    private final int entries;
    private final int attempts;
    private final long millis;
    private final String status;

    StateRow(StateStats stats) {
        this.name = stats.name();
        this.type = stats.type();
        this.entries = stats.entries();
        this.attempts = stats.attempts();
        this.millis = stats.time().toMillis();
        this.status = stats.status();
    }

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    public int getEntries() {
        return entries;
    }

    public int getAttempts() {
        return attempts;
    }

    /** e.g. {@code 1m 05s}, {@code 12.3s}. */
    public String getDuration() {
        if (millis >= 60_000) {
            return (millis / 60_000) + "m " + String.format("%02d", (millis / 1000) % 60) + "s";
        }
        return String.format("%.1fs", millis / 1000.0);
    }

    public String getStatus() {
        return status;
    }
}
