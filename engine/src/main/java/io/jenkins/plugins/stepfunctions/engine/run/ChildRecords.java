package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The iterations of a distributed Map as child executions, kept for its ResultWriter. */
final class ChildRecords {
    private final String[] names;
    private final JsonNode[] inputs;
    private final Instant[] starts;
    private final Step[] ends;
    private final Instant[] stops;

    ChildRecords(int size) {
        names = new String[size];
        inputs = new JsonNode[size];
        starts = new Instant[size];
        ends = new Step[size];
        stops = new Instant[size];
    }

    void started(int index, JsonNode input, Instant at) {
        names[index] = UUID.randomUUID().toString();
        inputs[index] = input;
        starts[index] = at;
    }

    void ended(int index, Step step, Instant at) {
        ends[index] = step;
        stops[index] = at;
    }

    /** In index order; an iteration that never ended is PENDING. */
    List<ChildExecution> all() {
        List<ChildExecution> out = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            String name = names[i] != null ? names[i] : UUID.randomUUID().toString();
            if (ends[i] instanceof Step.End end) {
                out.add(new ChildExecution(name, "SUCCEEDED", inputs[i], end.output(), null, starts[i], stops[i]));
            } else if (ends[i] instanceof Step.Failed failed) {
                out.add(new ChildExecution(name, "FAILED", inputs[i], null, failed.error(), starts[i], stops[i]));
            } else {
                out.add(new ChildExecution(name, "PENDING", inputs[i], null, null, starts[i], null));
            }
        }
        return out;
    }
}
