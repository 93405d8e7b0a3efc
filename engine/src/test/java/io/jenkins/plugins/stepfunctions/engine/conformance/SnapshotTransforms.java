package io.jenkins.plugins.stepfunctions.engine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The normalisation LocalStack's snapshot recorder applied to AWS's recording (and that the
 * conformance runner applies to an engine's history before comparing): structural transforms on
 * the document, then text replacements (placeholders such as {@code <uuid:1>}) on its JSON text.
 * A faithful port of {@code lib/snapshot_tools.py} of the shared conformance corpus.
 */
final class SnapshotTransforms {
    static final String PATTERN_ISO8601 = "(?:[1-9]\\d{3}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
            + "|(?:0[13578]|1[02])-31)|(?:[1-9]\\d(?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]"
            + "|[13579][26])00)-02-29)T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,9})?(?:Z|[+-][01]\\d:?([0-5]\\d)?)";
    private static final Pattern ISO8601 = Pattern.compile(PATTERN_ISO8601);
    private static final Pattern UUID = Pattern.compile(
            "[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}");
    private static final Pattern TIMESTAMP_KEY = Pattern.compile("^.*timestamp.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CAUSE_JSON = Pattern.compile(".*'(\\{.*\\})'");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<ObjectNode> STEPFUNCTIONS_API = List.of(
            jsonpath("$..SdkHttpMetadata..Date", "date"),
            jsonpath("$..SdkResponseMetadata..RequestId", "RequestId"),
            jsonpath("$..X-Amzn-Trace-Id", "X-Amzn-Trace-Id"),
            jsonpath("$..X-Amzn-Trace-Id", "X-Amzn-Trace-Id"),
            jsonpath("$..x-amz-crc32", "x-amz-crc32"),
            jsonpath("$..x-amzn-RequestId", "x-amzn-RequestId"),
            jsonpath("$..x-amzn-requestid", "x-amzn-requestid"),
            kv("sfn_cause_json", "json-input", true));

    private static final List<ObjectNode> BASIC_PRIORITY_2 = List.of(
            regexVar("accountId", "111111111111"),
            regexVar("region", "<region>"),
            regexVar("partitionPrefix", "arn:<partition>:"),
            kv("uuid_in_id_key", "uuid", true),
            NODES.objectNode().put("t", "regex").put("pattern", PATTERN_ISO8601).put("repl", "date"),
            kv("timestamp_key", "timestamp", false));

    private SnapshotTransforms() {
    }

    /** {"t": "defaults"} becomes the fixture transforms every Step Functions snapshot test has. */
    static List<ObjectNode> expand(JsonNode specs) {
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode spec : specs) {
            if ("defaults".equals(spec.path("t").asText())) {
                BASIC_PRIORITY_2.forEach(b -> out.add(b.deepCopy().put("priority", 2)));
                STEPFUNCTIONS_API.forEach(b -> out.add(b.deepCopy()));
            } else {
                out.add((ObjectNode) spec);
            }
        }
        return out;
    }

    /** Parses, in place, every object member whose value is a string starting with '{'. */
    static JsonNode parseLikeSnapshot(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            for (String key : fieldNames(obj)) {
                JsonNode v = obj.get(key);
                if (v.isArray()) {
                    v.forEach(item -> {
                        if (item.isObject()) {
                            parseLikeSnapshot(item);
                        }
                    });
                }
                if (v.isObject()) {
                    parseLikeSnapshot(v);
                }
                if (v.isTextual() && v.textValue().startsWith("{")) {
                    PythonJson.loads(v.textValue()).ifPresent(parsed -> obj.set(key, parsed));
                }
            }
        }
        return node;
    }

    /** A recorded document field (input/output): JSON text is parsed, anything else stays. */
    static JsonNode decodeRecordedJson(JsonNode value) {
        if (value != null && value.isTextual()) {
            return PythonJson.loads(value.textValue()).orElse(value);
        }
        return value;
    }

    static JsonNode apply(JsonNode doc, List<ObjectNode> specs, Map<String, String> variables) {
        List<Integer> order = IntStream.range(0, specs.size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> specs.get(i).path("priority").asInt(0))
                        .thenComparingInt(i -> i))
                .toList();
        Replacements ctx = new Replacements();
        for (int index : order) {
            ObjectNode spec = specs.get(index);
            String repl = spec.path("repl").asText();
            switch (spec.path("t").asText()) {
                case "regex" -> {
                    String pattern;
                    if (spec.has("var")) {
                        String value = variables.get(spec.get("var").asText());
                        if (value == null || value.length() < 6) {
                            // a very short value (e.g. a region named "local") would rewrite unrelated text
                            continue;
                        }
                        pattern = spec.path("escape").asBoolean(true) ? Pattern.quote(value) : value;
                    } else {
                        pattern = spec.get("pattern").asText();
                    }
                    Pattern rx = Pattern.compile(pattern);
                    ctx.replacements.add(s -> rx.matcher(s).replaceAll(Matcher.quoteReplacement(repl)));
                }
                case "text" -> {
                    String text = spec.get("text").asText();
                    ctx.replacements.add(s -> s.replace(text, repl));
                }
                case "jsonpath" -> {
                    if (spec.path("ref").asBoolean(true)) {
                        SnapshotPath.values(spec.get("path").asText(), doc).forEach(v -> ctx.addReference(v, repl));
                    } else {
                        SnapshotPath.find(spec.get("path").asText(), doc).forEach(m -> m.set(TextNode.valueOf(repl)));
                    }
                }
                case "kv" -> applyKeyValue(doc, keyValueFunction(spec), repl, spec.path("ref").asBoolean(true), ctx);
                case "parallel_normalise" -> normaliseParallel(doc);
                case "parse_output_json" -> parseOutputFields(doc);
                default -> throw new IllegalArgumentException("unknown transform type " + spec.path("t"));
            }
        }
        String dumped = PythonJson.dumps(doc);
        for (UnaryOperator<String> r : ctx.replacements) {
            dumped = r.apply(dumped);
        }
        return PythonJson.loadsOrFail(dumped);
    }

    private static final class Replacements {
        final List<UnaryOperator<String>> replacements = new ArrayList<>();
        final Map<String, Integer> scopes = new HashMap<>();
        final Set<String> seen = new HashSet<>();

        void addReference(JsonNode value, String repl) {
            if (value == null || !value.isTextual()) {
                return;
            }
            String text = value.textValue().replace("\"", "\\\"");
            if (!seen.add(text)) {
                return;
            }
            int n = scopes.merge(repl, 1, Integer::sum);
            String placeholder = "<" + repl + ":" + n + ">";
            replacements.add(s -> s.replace(text, placeholder));
        }
    }

    /** Returns the matched value of a member, or null when the member is not matched. */
    private static BiFunction<String, JsonNode, JsonNode> keyValueFunction(ObjectNode spec) {
        String name = spec.path("fn").asText();
        return switch (name) {
            case "uuid_in_id_key" -> (k, v) -> v.isTextual() && k.toLowerCase().endsWith("id")
                    && UUID.matcher(v.textValue()).lookingAt() ? v : null;
            case "timestamp_key" -> (k, v) -> (TIMESTAMP_KEY.matcher(k).matches() || k.equals("creationTime")
                    || k.equals("ingestionTime")) && !(v.isTextual() && ISO8601.matcher(v.textValue()).lookingAt())
                    ? v : null;
            case "sfn_cause_json" -> (k, v) -> {
                if (k.equals("cause") && v.isTextual()) {
                    Matcher m = CAUSE_JSON.matcher(v.textValue());
                    if (m.lookingAt() && PythonJson.loads(m.group(1)).isPresent()) {
                        return TextNode.valueOf(m.group(1));
                    }
                }
                return null;
            };
            case "key" -> {
                String key = spec.get("key").asText();
                yield (k, v) -> k.equals(key) && !v.isNull() && !(v.isTextual() && v.textValue().isEmpty()) ? v : null;
            }
            default -> throw new IllegalArgumentException("unknown key/value transform " + name);
        };
    }

    private static void applyKeyValue(JsonNode doc, BiFunction<String, JsonNode, JsonNode> fn, String repl,
                                      boolean ref, Replacements ctx) {
        if (!(doc instanceof ObjectNode obj)) {
            return;
        }
        for (String key : fieldNames(obj)) {
            JsonNode v = obj.get(key);
            JsonNode matched = fn.apply(key, v);
            if (matched != null) {
                if (ref) {
                    ctx.addReference(matched, repl);
                } else {
                    // every matcher returns the whole value, so Python's v.replace(match, repl) is repl
                    obj.set(key, TextNode.valueOf(repl));
                }
            } else if (v.isArray()) {
                v.forEach(item -> {
                    if (item.isObject()) {
                        applyKeyValue(item, fn, repl, ref, ctx);
                    }
                });
            } else if (v.isObject()) {
                applyKeyValue(v, fn, repl, ref, ctx);
            }
        }
    }

    /**
     * SfnNoneRecursiveParallelTransformer, ported literally (LocalStack
     * testing/pytest/stepfunctions/utils.py): events between ParallelStateStarted and the closing
     * Parallel event get id [0] and previousEventId 0 and are sorted; at every closing event the
     * slice from the branch start up to it is replaced by the sorted branch events, while the loop
     * walks on by index over the shrinking list. That replacement is why the recordings lack
     * ParallelStateSucceeded (and, for nested parallels, some closing events): applying the same
     * steps to the engine's AWS-shaped history gives the same list.
     */
    private static void normaliseParallel(JsonNode doc) {
        for (JsonNode events : SnapshotPath.values("$..events", doc)) {
            if (!(events instanceof ArrayNode array)) {
                continue;
            }
            List<JsonNode> list = new ArrayList<>();
            array.forEach(list::add);
            int startIdx = 0;
            List<JsonNode> sublist = new ArrayList<>();
            boolean inSublist = false;
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof ObjectNode event)) {
                    continue;
                }
                JsonNode type = event.get("type");
                String t = type == null || type.isNull() ? null : type.asText();
                if (t == null) {
                    inSublist = false;
                } else if (Set.of("ParallelStateSucceeded", "ParallelStateAborted", "ParallelStateExited",
                        "ParallelStateFailed").contains(t)) {
                    List<JsonNode> sorted = new ArrayList<>(sublist);
                    sorted.sort(Comparator.comparing(JsonNode::toString));
                    List<JsonNode> slice = list.subList(startIdx, Math.min(i, list.size()));
                    slice.clear();
                    slice.addAll(sorted);
                    inSublist = false;
                } else if (t.equals("ParallelStateStarted")) {
                    inSublist = true;
                    sublist = new ArrayList<>();
                    startIdx = i + 1;
                } else if (inSublist) {
                    event.set("id", NODES.arrayNode().add(0));
                    event.set("previousEventId", IntNode.valueOf(0));
                    sublist.add(event);
                }
            }
            array.removeAll();
            list.forEach(array::add);
        }
    }

    private static void parseOutputFields(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            for (String key : fieldNames(obj)) {
                JsonNode v = obj.get(key);
                if (key.equals("output") && v.isTextual()) {
                    Optional<JsonNode> parsed = PythonJson.loads(v.textValue());
                    parsed.ifPresent(p -> obj.set(key, p));
                } else {
                    parseOutputFields(v);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(SnapshotTransforms::parseOutputFields);
        }
    }

    private static List<String> fieldNames(JsonNode obj) {
        List<String> names = new ArrayList<>();
        obj.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ObjectNode jsonpath(String path, String repl) {
        return NODES.objectNode().put("t", "jsonpath").put("path", path).put("repl", repl).put("ref", false);
    }

    private static ObjectNode kv(String fn, String repl, boolean ref) {
        return NODES.objectNode().put("t", "kv").put("fn", fn).put("repl", repl).put("ref", ref);
    }

    private static ObjectNode regexVar(String var, String repl) {
        return NODES.objectNode().put("t", "regex").put("var", var).put("repl", repl);
    }
}
