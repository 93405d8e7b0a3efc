package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.asl.State;
import io.jenkins.plugins.stepfunctions.engine.asl.ValueSource;
import io.jenkins.plugins.stepfunctions.engine.history.Details;
import io.jenkins.plugins.stepfunctions.engine.history.EventDetails;
import io.jenkins.plugins.stepfunctions.engine.history.EventType;
import java.math.BigDecimal;

/**
 * A Map state's attempt. Iterations start in index order up to MaxConcurrency at a time; an
 * iteration that finishes at once lets the next start in the same loop, so 10,000 items cost no
 * stack. Inline iterations record MapIteration* events; distributed ones run silently between
 * MapRunStarted and MapRunSucceeded/Failed, as AWS records child executions elsewhere.
 *
 * <p>When an iteration fails the Map, the iterations still running are aborted (MapIterationAborted).
 * A redriven attempt keeps the output of the iterations that succeeded in the attempt it redrives and
 * reruns the failed, aborted and never started ones, each from where it stopped; a distributed Map
 * redrives its Map Run (MapRunRedriven, same Map Run ARN) instead of starting another.
 */
final class MapRun implements Branching {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final StateContext run;
    private final State.Map state;
    private final MapRun prior;
    private JsonNode effective;
    private JsonNode[] results;
    private boolean[] succeeded;
    /** The lane of each iteration launched, by index (null: not launched, or kept from the prior attempt). */
    private Lane[] lanes;
    private String mapRunArn;
    private int next;
    private int running;
    private int completed;
    private int failures;
    private int limit;
    private long toleratedCount = -1;
    private double toleratedPercentage = -1;
    private boolean pumping;
    private boolean over;
    private long cursor;
    private long mapRunStarted;
    private JsonNode itemsNode;
    /** What a ResultWriter reports of each iteration; null without one. */
    private ChildRecords children;

    MapRun(StateContext run, State.Map state, MapRun prior) {
        this.run = run;
        this.state = state;
        this.prior = prior;
    }

    void run() {
        // an ItemReader's items are read once the Map Run has started: MapStateStarted shows 0 of them
        JsonNode items = state.itemReader() == null ? items() : null;
        if (items == null) {
            effective = run.flow().effectiveInput(run);
        }
        limit = maxConcurrency();
        int length = items == null ? 0 : items.size();
        long started = run.execution().emit(run.lane(), EventType.MAP_STATE_STARTED,
                () -> EventDetails.mapStarted(length));
        ItemReading reading = null;
        if (state.distributed()) {
            toleratedCount = toleratedCount();
            toleratedPercentage = toleratedPercentage();
            if (state.itemReader() != null) {
                reading = ItemReading.prepare(run, state, effective);
            }
            if (prior != null && prior.mapRunArn != null) {
                mapRunArn = prior.mapRunArn;
                mapRunStarted = run.execution().emit(run.lane(), EventType.MAP_RUN_REDRIVEN,
                        () -> EventDetails.mapRunRedriven(mapRunArn, run.execution().redriveCount()));
            } else {
                mapRunArn = run.execution().newMapRunArn(state.label() != null ? state.label() : state.name());
                mapRunStarted = run.execution().emit(run.lane(), EventType.MAP_RUN_STARTED,
                        () -> EventDetails.mapRunStarted(mapRunArn));
            }
        }
        if (reading != null) {
            try {
                // a redriven Map Run goes on over the items it read
                items = prior != null && prior.itemsNode != null ? prior.itemsNode : reading.read();
            } catch (StatesException e) {
                failRun(e);
                return;
            }
        }
        cursor = started;
        results = new JsonNode[items.size()];
        succeeded = new boolean[items.size()];
        lanes = new Lane[items.size()];
        if (state.resultWriter() != null) {
            children = new ChildRecords(items.size());
        }
        itemsNode = items;
        pump();
    }

    /** The Map Run fails as a whole (its reader or writer): MapRunFailed, then the state fails. */
    private void failRun(StatesException e) {
        over = true;
        long failedRun = run.execution().emitAt(run.lane(), mapRunStarted, EventType.MAP_RUN_FAILED,
                () -> EventDetails.errorCause(e.error(), e.cause()));
        run.failed(e, failedRun, true);
    }

    private JsonNode items() {
        JsonNode items;
        ValueSource source = state.items();
        if (run.io().jsonata()) {
            if (source != null) {
                items = source.resolve(run, run.input());
                if (!items.isArray()) {
                    throw new StatesException(StatesException.QUERY_EVALUATION_ERROR, "The JSONata expression '"
                            + StateRun.expressionText(((ValueSource.Jsonata) source).template())
                            + "' specified for the field 'Items' returned "
                            + "an unexpected result type. Expected 'array', but was '" + StateRun.typeName(items)
                            + "' for value: " + EventDetails.text(items));
                }
            } else {
                items = run.input();
                if (!items.isArray()) {
                    throw new StatesException(StatesException.QUERY_EVALUATION_ERROR, "Map state input must be an "
                            + "array but was: " + EventDetails.text(items));
                }
            }
            effective = run.input();
            return items;
        }
        effective = run.select(run.io().inputPath(), run.input(), "InputPath");
        String itemsPath = source instanceof ValueSource.Path p ? p.path() : null;
        // ItemsPath $ is the effective input itself, even one no path could read (null)
        items = itemsPath == null || itemsPath.equals("$") ? effective : source.resolve(run, effective);
        if (!items.isArray()) {
            throw new StatesException(StatesException.RUNTIME, "Map state input must be an array but was: "
                    + EventDetails.text(items) + " (ItemsPath '" + itemsPath + "')");
        }
        return items;
    }

    private int maxConcurrency() {
        ValueSource source = state.maxConcurrency();
        if (source == null) {
            return 0;
        }
        JsonNode v = source.resolve(run, effective);
        if (source instanceof ValueSource.Path p) {
            v = numberInText(v);
            if (!v.isIntegralNumber() || v.asLong() < 0) {
                throw new StatesException(StatesException.RUNTIME, "The MaxConcurrencyPath field refers to value "
                        + quoted(v) + " which is not a valid integer: " + p.path());
            }
        } else if (source instanceof ValueSource.Jsonata j && (!v.isIntegralNumber() || v.asLong() < 0)) {
            throw new StatesException(StatesException.QUERY_EVALUATION_ERROR, "The JSONata expression '"
                    + StateRun.expressionText(j.template()) + "' specified for the field "
                    + "'MaxConcurrency' returned an unexpected result type. Expected 'integer', but was '"
                    + StateRun.typeName(v) + "' for value: " + EventDetails.text(v));
        }
        return v.asInt();
    }

    private long toleratedCount() {
        ValueSource source = state.toleratedFailureCount();
        if (source == null) {
            return -1;
        }
        JsonNode v = source.resolve(run, effective);
        if (source instanceof ValueSource.Path p) {
            v = numberInText(v);
            if (!v.isIntegralNumber()) {
                throw new StatesException(StatesException.RUNTIME, "The ToleratedFailureCountPath field refers to "
                        + "value " + quoted(v) + " which is not a valid integer: " + p.path());
            }
        }
        if (v.asLong() < 0) {
            throw new StatesException(StatesException.RUNTIME, "ToleratedFailureCount cannot be negative.");
        }
        return v.asLong();
    }

    private double toleratedPercentage() {
        ValueSource source = state.toleratedFailurePercentage();
        if (source == null) {
            return -1;
        }
        JsonNode v = source.resolve(run, effective);
        if (source instanceof ValueSource.Path p) {
            v = numberInText(v);
            if (!v.isNumber()) {
                throw new StatesException(StatesException.RUNTIME, "The ToleratedFailurePercentagePath field refers "
                        + "to value " + quoted(v) + " which is not a valid float: " + p.path());
            }
        }
        if (v.asDouble() < 0 || v.asDouble() > 100) {
            throw new StatesException(StatesException.RUNTIME, "ToleratedFailurePercentage must be between 0 and 100.");
        }
        return v.asDouble();
    }

    /** AWS reads these paths' values through their text: the string "1" counts as the number 1. */
    private static JsonNode numberInText(JsonNode v) {
        if (!v.isTextual()) {
            return v;
        }
        try {
            return LongNode.valueOf(Long.parseLong(v.asText()));
        } catch (NumberFormatException notInteger) {
            try {
                return DecimalNode.valueOf(new BigDecimal(v.asText()));
            } catch (NumberFormatException notNumber) {
                return v;
            }
        }
    }

    private static String quoted(JsonNode v) {
        return "\"" + (v.isTextual() ? v.asText() : EventDetails.text(v)) + "\"";
    }

    private void pump() {
        if (pumping) {
            return;
        }
        pumping = true;
        try {
            // a Map over many items may fill the history: once the execution has ended, launch no more
            while (!over && next < results.length && (limit == 0 || running < limit) && !run.execution().ended()) {
                int index = next++;
                running++;
                launch(index);
            }
        } finally {
            pumping = false;
        }
        if (!over && completed == results.length && !run.execution().ended()) {
            finish();
        }
    }

    private void launch(int index) {
        if (prior != null && index < prior.succeeded.length && prior.succeeded[index]) {
            // redriven: this iteration succeeded before and keeps its output, without events
            results[index] = prior.results[index];
            succeeded[index] = true;
            if (children != null) {
                children.started(index, itemsNode.get(index), run.execution().now());
                children.ended(index, new Step.End(results[index]), run.execution().now());
            }
            running--;
            completed++;
            return;
        }
        Lane before = prior == null || index >= prior.lanes.length ? null : prior.lanes[index];
        RedrivePoint from = before == null ? null : before.redrivePoint();
        JsonNode iterationInput = from == null ? iterationInput(index, itemsNode.get(index)) : null;
        if (children != null) {
            children.started(index, iterationInput != null ? iterationInput : itemsNode.get(index), run.execution().now());
        }
        long startedId = state.distributed() ? cursor : run.execution().emitDetailsAt(run.lane(), cursor,
                EventType.MAP_ITERATION_STARTED,
                () -> new Details.MapIteration(state.name(), index));
        Lane lane = run.lane().child(startedId, state.distributed());
        lanes[index] = lane;
        GraphRun graph = new GraphRun(run.execution(), state.processor(), lane, false,
                step -> iterationDone(index, lane, step));
        if (from == null) {
            graph.start(iterationInput);
        } else {
            lane.resumeFrom(from);
            graph.drive(new Step.Next(state.processor().state(from.state()), from.input()));
        }
    }

    private JsonNode iterationInput(int index, JsonNode item) {
        if (state.itemSelector() == null) {
            return item;
        }
        ObjectNode ctx = NODES.objectNode();
        ctx.setAll(run.context());
        ObjectNode itemNode = ctx.putObject("Map").putObject("Item");
        itemNode.put("Index", index);
        itemNode.set("Value", item);
        return run.flow().payload(run, state.itemSelector(), effective, ctx, "ItemSelector");
    }

    private void iterationDone(int index, Lane lane, Step step) {
        lane.running = false;
        if (over) {
            return;
        }
        running--;
        completed++;
        if (children != null) {
            children.ended(index, step, run.execution().now());
        }
        if (step instanceof Step.Failed failed) {
            if (!state.distributed()) {
                run.execution().emitDetailsAt(run.lane(), failed.previousEventId(), EventType.MAP_ITERATION_FAILED, () -> new Details.MapIteration(state.name(), index));
            }
            failures++;
            if (!tolerated()) {
                over = true;
                StateRun.failedLane(run.execution(), lane, failed.previousEventId());
                abortRunning(failed.previousEventId(), true);
                if (state.distributed()) {
                    long failedRun = run.execution().emitAt(run.lane(), mapRunStarted, EventType.MAP_RUN_FAILED, () -> EventDetails.errorCause(
                                    StatesException.EXCEED_TOLERATED_FAILURE_THRESHOLD, null));
                    run.failed(new StatesException(StatesException.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                            "The specified tolerance threshold was exceeded"), failedRun, true);
                } else {
                    run.failed(failed.error(), failed.previousEventId(), true);
                }
                return;
            }
            cursor = failed.previousEventId();
        } else {
            results[index] = ((Step.End) step).output();
            succeeded[index] = true;
            if (!state.distributed()) {
                run.execution().emitDetailsAt(run.lane(), lane.last, EventType.MAP_ITERATION_SUCCEEDED, () -> new Details.MapIteration(state.name(), index));
            }
            cursor = lane.last;
        }
        if (!pumping) {
            pump();
        }
    }

    @Override
    public void abort(long previousEventId, boolean states) {
        if (over || lanes == null) {
            return;
        }
        over = true;
        abortRunning(previousEventId, states);
        if (state.distributed() && mapRunArn != null) {
            run.execution().emitAt(run.lane(), previousEventId, EventType.MAP_RUN_ABORTED, null);
        }
    }

    /**
     * Aborts the iterations still running, in index order: the states they are in, then
     * MapIterationAborted (inline Maps; a distributed Map's iterations write nothing here).
     */
    private void abortRunning(long previousEventId, boolean states) {
        for (int i = 0; i < lanes.length; i++) {
            Lane lane = lanes[i];
            if (lane == null) {
                continue;
            }
            lane.cancel();
            if (succeeded[i] || !lane.running) {
                continue;
            }
            lane.running = false;
            if (lane.inFlight != null) {
                lane.inFlight.abort(previousEventId, states);
            }
            if (!state.distributed()) {
                int index = i;
                run.execution().emitDetailsAt(run.lane(), previousEventId, EventType.MAP_ITERATION_ABORTED, () -> new Details.MapIteration(state.name(), index));
            }
        }
    }

    private boolean tolerated() {
        if (!state.distributed()) {
            return false;
        }
        if (toleratedCount < 0 && toleratedPercentage < 0) {
            return false;
        }
        boolean byCount = toleratedCount >= 0 && failures <= toleratedCount;
        boolean byPercentage = toleratedPercentage >= 0
                && failures * 100.0 / Math.max(1, results.length) <= toleratedPercentage;
        return byCount || byPercentage;
    }

    private void finish() {
        over = true;
        ArrayNode out = NODES.arrayNode(results.length);
        for (JsonNode r : results) {
            out.add(r == null ? NODES.nullNode() : r);
        }
        JsonNode result = out;
        if (children != null) {
            try {
                result = new ResultExport(run, state, mapRunArn).finish(children.all(), out, effective);
            } catch (StatesException e) {
                failRun(e);
                return;
            }
        }
        if (state.distributed()) {
            long succeeded = run.execution().emitAt(run.lane(), mapRunStarted, EventType.MAP_RUN_SUCCEEDED, null);
            run.execution().emitAt(run.lane(), succeeded, EventType.MAP_STATE_SUCCEEDED, null);
            // AWS's recordings: MapStateExited follows MapRunSucceeded when the Map is the first state
            // of its lane, MapRunStarted otherwise (the map run completes on another AWS thread)
            run.lane().last = run.enteredPrev() == 0 ? succeeded : mapRunStarted;
        } else {
            long last = results.length == 0 ? run.lane().last : run.execution().history().size();
            run.execution().emitAt(run.lane(), last, EventType.MAP_STATE_SUCCEEDED, null);
            run.lane().last = last;
        }
        run.finishWithResult(result);
    }
}
