package io.jenkins.plugins.stepfunctions.engine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The runner's {@code check}: null when the engine agrees with AWS's recording, else the first difference. */
final class CaseVerdict {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern DESCENDANT_KEY = Pattern.compile("\\$\\.\\.([A-Za-z0-9_\\-]+)");
    private static final Map<String, String> FAILURE_DETAILS = Map.of(
            "FAILED", "executionFailedEventDetails",
            "TIMED_OUT", "executionTimedOutEventDetails",
            "ABORTED", "executionAbortedEventDetails");

    private CaseVerdict() {
    }

    /** @param withEvents false compares status, output, error and cause only (the runner's --no-events) */
    static String check(ConformanceCase c, CaseExecution.Result result, boolean withEvents) {
        Set<String> ignore = ignoredKeys(c);
        JsonNode exp = ignore.isEmpty() ? c.expected() : SnapshotComparison.stripKeys(c.expected(), ignore);
        String expStatus = exp.path("status").asText();
        if (result.timedOut()) {
            return "still RUNNING after the time limit (expected " + expStatus + ")";
        }
        Map<String, String> variables = new HashMap<>();
        variables.put("roleArn", CaseExecution.ROLE_ARN);
        variables.put("stateMachineName", CaseExecution.stateMachineName(c));
        variables.put("executionName", result.executionArn().substring(result.executionArn().lastIndexOf(':') + 1));
        String[] arn = result.stateMachineArn().split(":", -1);
        if (arn.length >= 7) {
            variables.put("partitionPrefix", "arn:" + arn[1] + ":");
            variables.put("region", arn[3]);
            variables.put("accountId", arn[4]);
        }
        ObjectNode doc = NODES.objectNode();
        doc.putArray("events").addAll(result.events().stream().<JsonNode>map(JsonNode::deepCopy).toList());
        SnapshotTransforms.parseLikeSnapshot(doc);
        JsonNode transformed = SnapshotTransforms.apply(doc, SnapshotTransforms.expand(c.transforms()), variables);
        List<JsonNode> events = new ArrayList<>();
        transformed.get("events").forEach(e -> events.add(ignore.isEmpty() ? e : stripIgnored(e, ignore)));

        String status = result.status();
        JsonNode last = events.isEmpty() ? NODES.objectNode() : events.get(events.size() - 1);
        if (!expStatus.equals(status)) {
            String detail = "";
            if (!events.isEmpty()) {
                JsonNode fd = last.has("executionFailedEventDetails") ? last.get("executionFailedEventDetails")
                        : last.path("executionTimedOutEventDetails");
                if (fd.isObject() && fd.size() > 0) {
                    detail = " (error " + pyRepr(fd.get("error")) + ", cause "
                            + pyRepr(fd.get("cause"), 160) + ")";
                }
            }
            return "status: expected " + expStatus + ", got " + status + detail;
        }
        if ("SUCCEEDED".equals(status)) {
            JsonNode actualOut = last.has("executionSucceededEventDetails")
                    ? SnapshotTransforms.decodeRecordedJson(last.get("executionSucceededEventDetails").get("output"))
                    : SnapshotTransforms.decodeRecordedJson(result.output() == null ? null : TextNode.valueOf(result.output()));
            String d = SnapshotComparison.compareValues(exp.get("output"), actualOut, "$output");
            if (d != null) {
                return d;
            }
        } else {
            String det = FAILURE_DETAILS.get(status);
            JsonNode fd = det != null && last.has(det) ? last.get(det) : NODES.objectNode();
            for (String k : List.of("error", "cause")) {
                if (exp.has(k)) {
                    if (!fd.has(k)) {
                        return k + ": expected " + SnapshotComparison.shortText(exp.get(k)) + ", got none";
                    }
                    String d = SnapshotComparison.compareValues(exp.get(k), fd.get(k), "$" + k);
                    if (d != null) {
                        return d;
                    }
                } else if (fd.has(k) && !"SUCCEEDED".equals(expStatus) && !SnapshotComparison.isNone(exp.get("events"))) {
                    return k + ": expected none, got " + SnapshotComparison.shortText(fd.get(k));
                }
            }
        }
        if (!withEvents || SnapshotComparison.isNone(exp.get("events"))) {
            return null;
        }
        List<JsonNode> actualEvents = new ArrayList<>();
        for (JsonNode e : events) {
            ObjectNode kept = NODES.objectNode();
            for (String k : List.of("id", "previousEventId", "type", "stateEnteredEventDetails", "stateExitedEventDetails")) {
                if (e.has(k)) {
                    kept.set(k, e.get(k).deepCopy());
                }
            }
            if (kept.get("stateExitedEventDetails") instanceof ObjectNode sx && sx.has("output")) {
                sx.set("output", SnapshotTransforms.decodeRecordedJson(sx.get("output")));
            }
            actualEvents.add(kept);
        }
        return SnapshotComparison.compareEvents(exp.get("events"), actualEvents, false);
    }

    /**
     * Keys a mocked case does not compare: LocalStack's skip_snapshot_verify paths of the form
     * $..Key (service metadata that AWS returned but a mocked response does not contain).
     */
    static Set<String> ignoredKeys(ConformanceCase c) {
        Set<String> out = new HashSet<>();
        for (String p : c.ignorePaths()) {
            Matcher m = DESCENDANT_KEY.matcher(p);
            if (m.matches()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static JsonNode stripIgnored(JsonNode e, Set<String> ignore) {
        if (!e.path("stateExitedEventDetails").isObject()) {
            JsonNode stripped = SnapshotComparison.stripKeys(e, ignore);
            stripSucceededOutput(stripped, ignore);
            return stripped;
        }
        ObjectNode copy = e.deepCopy();
        ObjectNode sx = (ObjectNode) copy.get("stateExitedEventDetails");
        sx.set("output", SnapshotComparison.stripKeys(sx.get("output"), ignore));
        stripSucceededOutput(copy, ignore);
        return copy;
    }

    private static void stripSucceededOutput(JsonNode e, Set<String> ignore) {
        if (e.get("executionSucceededEventDetails") instanceof ObjectNode sd && sd.has("output")) {
            sd.set("output", SnapshotComparison.stripKeys(sd.get("output"), ignore));
        }
    }

    private static String pyRepr(JsonNode value) {
        return pyRepr(value, Integer.MAX_VALUE);
    }

    /** Python's {@code repr(str(value)[:limit])} as the runner prints error and cause. */
    private static String pyRepr(JsonNode value, int limit) {
        if (SnapshotComparison.isNone(value)) {
            return "None";
        }
        String s = value.isTextual() ? value.textValue() : value.toString();
        s = s.substring(0, Math.min(limit, s.length())).replace("\\", "\\\\").replace("\n", "\\n");
        if (s.contains("'") && !s.contains("\"")) {
            return "\"" + s + "\"";
        }
        return "'" + s.replace("'", "\\'") + "'";
    }
}
