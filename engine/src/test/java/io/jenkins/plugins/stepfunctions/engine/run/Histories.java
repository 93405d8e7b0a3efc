package io.jenkins.plugins.stepfunctions.engine.run;

import io.jenkins.plugins.stepfunctions.engine.history.HistoryEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Shortcuts to await executions of an in-process engine and read their histories. */
final class Histories {
    private Histories() {
    }

    static Execution await(Execution e) {
        try {
            return e.completion().get(60, TimeUnit.SECONDS);
        } catch (Exception ex) {
            throw new IllegalStateException("execution did not finish: " + types(e), ex);
        }
    }

    static List<HistoryEvent> events(Execution e) {
        return e.history().slice(0, e.history().size());
    }

    static List<String> types(Execution e) {
        return events(e).stream().map(HistoryEvent::type).collect(Collectors.toList());
    }

    /** "id<prev" pairs, compact for assertions on previousEventId chains. */
    static String chain(Execution e) {
        return events(e).stream().map(x -> x.id() + "<" + x.previousEventId() + " " + x.type())
                .collect(Collectors.joining(", "));
    }

    static HistoryEvent first(Execution e, String type) {
        return events(e).stream().filter(x -> x.type().equals(type)).findFirst().orElseThrow();
    }
}
