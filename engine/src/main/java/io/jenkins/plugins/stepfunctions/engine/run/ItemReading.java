package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.asl.ItemReader;
import io.jenkins.plugins.stepfunctions.engine.asl.State;
import io.jenkins.plugins.stepfunctions.engine.asl.ValueSource;
import io.jenkins.plugins.stepfunctions.engine.history.EventDetails;
import io.jenkins.plugins.stepfunctions.engine.mock.MockedResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A distributed Map's ItemReader at work. {@link #prepare} resolves the S3 request and MaxItems
 * before the Map Run starts (their data-flow errors are States.Runtime, as AWS reports a non-integer
 * MaxItemsPath value); {@link #read} then fetches the object or listing and decodes it, its errors
 * being States.ItemReaderFailed on the Map Run.
 *
 * <p>The S3 answer comes from the MockConfigFile when the execution's test case maps the Map state
 * to a MockedResponse, else from the {@code --s3-dir} folder; without either the read fails saying
 * how to provide one.
 */
final class ItemReading {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** AWS stops reading items beyond this many; MaxItems 0 means this. */
    static final long MAX_ITEMS = 100_000_000L;

    private final StateContext run;
    private final State.Map state;
    private final ItemReader reader;
    private final JsonNode request;
    private final JsonNode maxItems;

    private ItemReading(StateContext run, State.Map state, JsonNode request, JsonNode maxItems) {
        this.run = run;
        this.state = state;
        this.reader = state.itemReader();
        this.request = request;
        this.maxItems = maxItems;
    }

    /** {@code effective}: the Map's input after InputPath (JSONPath) or its input (JSONata). */
    static ItemReading prepare(StateContext run, State.Map state, JsonNode effective) {
        ItemReader reader = state.itemReader();
        JsonNode request;
        if (reader.parameters() == null) {
            request = NODES.objectNode();
        } else {
            request = run.flow().payload(run, reader.parameters(), effective, run.context(), "Arguments");
        }
        return new ItemReading(run, state, request, maxItemsValue(run, reader.config(), effective));
    }

    private static JsonNode maxItemsValue(StateContext run, ItemReader.ReaderConfig config, JsonNode effective) {
        ValueSource source = config.maxItems();
        if (source == null || source instanceof ValueSource.Literal) {
            return source == null ? null : ((ValueSource.Literal) source).value();
        }
        // ItemReader's JSONata (MaxItems, like its Arguments) sees the context object
        JsonNode v = source.resolve(new ValueSource.Evaluator() {
            @Override
            public JsonNode readPath(String path, JsonNode value, String field) {
                return run.readPath(path, value, field);
            }

            @Override
            public JsonNode evaluateJsonata(JsonNode template, String field) {
                return run.jsonata(template, run.jsonataScope(run.context(), null, null), field);
            }
        }, effective);
        if (source instanceof ValueSource.Path && v.isTextual()) {
            try {
                v = NODES.numberNode(new BigDecimal(v.asText().trim()));
            } catch (NumberFormatException notNumber) {
                // reported below with the value as given
            }
        }
        boolean integral = v.isIntegralNumber() || (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0);
        if (!integral) {
            String shown = v.isTextual() ? v.asText() : EventDetails.text(v);
            throw new StatesException(StatesException.RUNTIME, "The " + source.field() + " field refers to value \""
                    + shown + "\" which is not a valid integer: " + (source instanceof ValueSource.Path p ? p.path()
                    : StateRun.expressionText(((ValueSource.Jsonata) source).template())));
        }
        return NODES.numberNode(v.decimalValue().toBigInteger());
    }

    /** The items, at most MaxItems of them. */
    ArrayNode read() {
        long limit = limit();
        String bucket = text("Bucket", true);
        Optional<MockedResponse> mock = mocked();
        if (reader.action().equals(ItemReader.LIST_OBJECTS_V2)) {
            ArrayNode listed = mock.isPresent() ? mockedListing(mock.get()) : folder(null).list(bucket,
                    text("Prefix", false));
            ArrayNode out = NODES.arrayNode();
            for (int i = 0; i < listed.size() && out.size() < limit; i++) {
                out.add(listed.get(i));
            }
            return out;
        }
        String key = text("Key", true);
        String body = mock.isPresent() ? mockedBody(mock.get())
                : new String(folder(key).get(bucket, key), StandardCharsets.UTF_8);
        return ItemDecoder.decode(body, reader.config(), limit);
    }

    private long limit() {
        if (maxItems == null) {
            return MAX_ITEMS;
        }
        if (maxItems.asLong() < 0) {
            throw new StatesException(StatesException.ITEM_READER_FAILED, "field MaxItems must be positive");
        }
        return maxItems.asLong() == 0 ? MAX_ITEMS : Math.min(maxItems.asLong(), MAX_ITEMS);
    }

    private String text(String field, boolean required) {
        JsonNode v = request.get(field);
        if (v == null || v.isNull()) {
            if (!required) {
                return null;
            }
            throw new StatesException(StatesException.ITEM_READER_FAILED, "The ItemReader's "
                    + run.flow().parametersField() + " have no '" + field + "': s3:"
                    + reader.action() + " needs " + (field.equals("Key") ? "Bucket and Key" : "Bucket") + ".");
        }
        return v.isTextual() ? v.asText() : EventDetails.text(v);
    }

    /** The MockedResponse for this Map state in the execution's test case, if it maps one. */
    private Optional<MockedResponse> mocked() {
        ExecutionRun execution = run.execution();
        var mocks = execution.services().mocks();
        String machine = execution.request().stateMachineName();
        String testCase = execution.request().testCase();
        if (!mocks.hasTestCase(machine, testCase)) {
            return Optional.empty();
        }
        Optional<MockedResponse> answer = mocks.response(machine, testCase, state.name(),
                execution.nextMockInvocation(state.name()));
        if (answer.isPresent() && answer.get() instanceof MockedResponse.Throw t) {
            throw new StatesException(t.error(), t.cause());
        }
        return answer;
    }

    private String mockedBody(MockedResponse answer) {
        JsonNode value = ((MockedResponse.Return) answer).value();
        if (value != null && value.isObject() && value.has("Body")) {
            value = value.get("Body");
        }
        if (value == null || value.isNull()) {
            throw new StatesException(StatesException.ITEM_READER_FAILED, "The MockedResponse for state '"
                    + state.name() + "' has no Return value: give the object's content, e.g. {\"Return\": \"[1,2]\"}.");
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (!"JSON".equals(reader.config().inputType())) {
            throw new StatesException(StatesException.ITEM_READER_FAILED, "The MockedResponse for state '"
                    + state.name() + "' must return the object's content as a JSON string (InputType "
                    + reader.config().inputType() + "), e.g. {\"Return\": \"a,b\\n1,2\\n\"}.");
        }
        // a JSON object given as JSON rather than as its text: the same content
        return EventDetails.text(value);
    }

    private ArrayNode mockedListing(MockedResponse answer) {
        JsonNode value = ((MockedResponse.Return) answer).value();
        if (value != null && value.isObject() && value.has("Contents")) {
            value = value.get("Contents");
        } else if (value != null && value.isObject() && !value.has("Contents")) {
            return NODES.arrayNode(); // S3 leaves Contents out of an empty listing
        }
        if (value == null || !value.isArray()) {
            throw new StatesException(StatesException.ITEM_READER_FAILED, "The MockedResponse for state '"
                    + state.name() + "' must return the listObjectsV2 response, {\"Contents\": [{\"Key\": ...}, ...]}, "
                    + "or the Contents array itself.");
        }
        return (ArrayNode) value;
    }

    private S3Folder folder(String key) {
        S3Folder folder = run.execution().services().s3();
        if (folder != null) {
            return folder;
        }
        String object = key == null ? "the objects of s3://" + text("Bucket", true) + "/" + orEmpty(text("Prefix",
                false)) + " (s3:listObjectsV2)" : "s3://" + text("Bucket", true) + "/" + key + " (s3:getObject)";
        throw new StatesException(StatesException.ITEM_READER_FAILED, "The ItemReader of state '" + state.name()
                + "' reads " + object + ", and the embedded engine has no Amazon S3. Provide the "
                + (key == null ? "objects" : "object") + " one of two ways: start sfn local with --s3-dir DIR and put "
                + (key == null ? "them under DIR/" + text("Bucket", true) + "/" : "it at DIR/" + text("Bucket", true)
                + "/" + key) + "; or, in the MockConfigFile (--mock-config), map state '" + state.name()
                + "' in a test case to a MockedResponse whose Return is "
                + (key == null ? "the listObjectsV2 response ({\"Contents\": [...]})" : "the object's content as a "
                + "JSON string (e.g. {\"0\": {\"Return\": \"[1,2,3]\"}})") + " and start the execution with "
                + "stateMachineArn#TestCase.");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
