package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.Definitions.ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;

/**
 * Distributed Maps with an ItemReader (S3 getObject / listObjectsV2) and a ResultWriter, the S3
 * answers coming from an {@code --s3-dir} folder or the MockConfigFile. Expected items and events
 * are AWS's, from LocalStack's recordings of test_base_scenarios (test_map_item_reader_*).
 */
class ItemReaderApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The recorded CSV of test_map_item_reader_base_csv_headers_first_line. */
    private static final String RECORDED_CSV = "Col1,Col2,Col3\nValue1,Value2,Value3\nValue4,Value5,Value6\n,,,\n"
            + "true,1,'HelloWorld'\nNull,None,\n   \n";

    private static final String MOCKS = """
            {"StateMachines": {
               "Mocked": {"TestCases": {"FromMock": {"MapState": "MockedItems"},
                                        "Broken": {"MapState": "S3Down"}}},
               "Listing": {"TestCases": {"FromMock": {"MapState": "MockedListing"}}}},
             "MockedResponses": {
               "MockedItems": {"0": {"Return": "[{\\"id\\": \\"from-mock\\"}]"}},
               "S3Down": {"0": {"Throw": {"Error": "S3.AccessDenied", "Cause": "no access"}}},
               "MockedListing": {"0": {"Return": {"Contents": [{"Etag": "\\"e1\\"", "Key": "a.txt",
                   "LastModified": 1700000000, "Size": 3, "StorageClass": "STANDARD"}]}}}}}""";

    @TempDir
    Path s3;

    private TestEngine running;
    private SfnClient sfn;

    private void start(boolean withFolder) throws IOException {
        running = TestEngine.options().timeScale(0.001).mockConfig(JSON.readTree(MOCKS)).s3Dir(withFolder ? s3 : null).serve();
        sfn = running.sfn();
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    private void object(String bucket, String key, String content) throws IOException {
        Path file = s3.resolve(bucket).resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** A distributed Map whose ItemReader is {@code reader}, each iteration passing its item on. */
    private static String mapWith(String reader, String extra) {
        return """
                {"StartAt": "MapState", "States": {"MapState": {"Type": "Map", %s
                  "ItemReader": %s,
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    "StartAt": "PassItem", "States": {"PassItem": {"Type": "Pass", "End": true}}},
                  "End": true}}}""".formatted(extra, reader);
    }

    private static String getObject(String readerConfig) {
        return """
                {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": %s,
                 "Parameters": {"Bucket.$": "$.Bucket", "Key.$": "$.Key"}}""".formatted(readerConfig);
    }

    private DescribeExecutionResponse run(String machine, String definition, String input) {
        String sm = sfn.createStateMachine(b -> b.name(machine).definition(definition).roleArn(ROLE)).stateMachineArn();
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm).input(input)).executionArn();
        return Awaits.until(() -> sfn.describeExecution(b -> b.executionArn(arn)),
                d -> d.status() != ExecutionStatus.RUNNING);
    }

    private DescribeExecutionResponse runCase(String machine, String testCase, String definition, String input) {
        String sm = sfn.createStateMachine(b -> b.name(machine).definition(definition).roleArn(ROLE)).stateMachineArn();
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm + "#" + testCase).input(input)).executionArn();
        return Awaits.until(() -> sfn.describeExecution(b -> b.executionArn(arn)),
                d -> d.status() != ExecutionStatus.RUNNING);
    }

    private List<HistoryEvent> history(DescribeExecutionResponse done) {
        return sfn.getExecutionHistory(b -> b.executionArn(done.executionArn())).events();
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void jsonObjectFromTheFolderGivesTheItemsWithAwsEvents() throws IOException {
        start(true);
        object("bucket-name", "file.json", "[{\"verdict\": \"true\"}, {\"verdict\": \"false\"}, {\"verdict\": \"mostly\"}]");
        DescribeExecutionResponse done = run("Json", mapWith(getObject("{\"InputType\": \"JSON\"}"), ""),
                "{\"Bucket\": \"bucket-name\", \"Key\": \"file.json\"}");
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(json(done.output())).isEqualTo(json(
                "[{\"verdict\": \"true\"}, {\"verdict\": \"false\"}, {\"verdict\": \"mostly\"}]"));
        List<HistoryEvent> events = history(done);
        assertThat(events).extracting(e -> e.typeAsString() + "<" + e.previousEventId()).containsExactly(
                "ExecutionStarted<0", "MapStateEntered<0", "MapStateStarted<2", "MapRunStarted<3",
                "MapRunSucceeded<4", "MapStateSucceeded<5", "MapStateExited<5", "ExecutionSucceeded<7");
        // AWS counts no items when the Map starts: they are read by the Map Run
        assertThat(events.get(2).mapStateStartedEventDetails().length()).isZero();
    }

    @Test
    void jsonLinesGiveOneItemPerLine() throws IOException {
        start(true);
        object("b", "lines.jsonl", "{\"n\": 1}\n{\"n\": 2}\r\n\n[3]\n");
        DescribeExecutionResponse done = run("Jsonl", mapWith(getObject("{\"InputType\": \"JSONL\"}"), ""),
                "{\"Bucket\": \"b\", \"Key\": \"lines.jsonl\"}");
        assertThat(json(done.output())).isEqualTo(json("[{\"n\": 1}, {\"n\": 2}, [3]]"));
    }

    @Test
    void csvWithHeaderInTheFirstRowGivesStringsAsAwsRecorded() throws IOException {
        start(true);
        object("bucket-name", "file.csv", RECORDED_CSV);
        DescribeExecutionResponse done = run("CsvFirstRow",
                mapWith(getObject("{\"InputType\": \"CSV\", \"CSVHeaderLocation\": \"FIRST_ROW\"}"), ""),
                "{\"Bucket\": \"bucket-name\", \"Key\": \"file.csv\"}");
        assertThat(json(done.output())).isEqualTo(json("""
                [{"Col1":"Value1","Col2":"Value2","Col3":"Value3"},{"Col1":"Value4","Col2":"Value5","Col3":"Value6"},
                 {"Col1":"","Col2":"","Col3":""},{"Col1":"true","Col2":"1","Col3":"'HelloWorld'"},
                 {"Col1":"Null","Col2":"None","Col3":""},{"Col1":"   ","Col2":"","Col3":""}]"""));
    }

    @Test
    void csvWithGivenHeadersDelimiterAndQuotes() throws IOException {
        start(true);
        object("b", "rows.csv", "a|\"x|y\"|extra\n\"say \"\"hi\"\"\"|2\n");
        DescribeExecutionResponse done = run("CsvGiven", mapWith(getObject("""
                {"InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVHeaders": ["H1", "H2"],
                 "CSVDelimiter": "PIPE"}"""), ""), "{\"Bucket\": \"b\", \"Key\": \"rows.csv\"}");
        assertThat(json(done.output())).isEqualTo(json(
                "[{\"H1\": \"a\", \"H2\": \"x|y\"}, {\"H1\": \"say \\\"hi\\\"\", \"H2\": \"2\"}]"));
    }

    @Test
    void duplicateCsvHeadersFailTheMapRunAsAws() throws IOException {
        start(true);
        object("b", "rows.csv", "Value1,Value2\n");
        DescribeExecutionResponse done = run("CsvDup", mapWith(getObject("""
                {"InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVHeaders": ["H1", "H1"]}"""), ""),
                "{\"Bucket\": \"b\", \"Key\": \"rows.csv\"}");
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(done.cause()).isEqualTo("CSV headers cannot contain duplicates.");
        List<HistoryEvent> events = history(done);
        assertThat(events).extracting(e -> e.typeAsString() + "<" + e.previousEventId()).containsExactly(
                "ExecutionStarted<0", "MapStateEntered<0", "MapStateStarted<2", "MapRunStarted<3",
                "MapRunFailed<4", "MapStateFailed<5", "ExecutionFailed<6");
        assertThat(events.get(4).mapRunFailedEventDetails().error()).isEqualTo("States.ItemReaderFailed");
        assertThat(events.get(4).mapRunFailedEventDetails().cause()).isEqualTo("CSV headers cannot contain duplicates.");
    }

    @Test
    void aJsonObjectThatIsNotAnArrayFailsAsAws() throws IOException {
        start(true);
        object("b", "file.json", "{\"Hello\": \"world\"}");
        DescribeExecutionResponse done = run("NotList", mapWith(getObject("{\"InputType\": \"JSON\"}"), ""),
                "{\"Bucket\": \"b\", \"Key\": \"file.json\"}");
        assertThat(done.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(done.cause()).isEqualTo("Attempting to map over non-iterable node.");
    }

    @Test
    void maxItemsAndMaxItemsPathLimitTheItems() throws IOException {
        start(true);
        object("b", "file.csv", "Col1,Col2\nValue1,Value2\nValue3,Value4\nValue5,Value6\nValue7,Value8\n");
        String input = "{\"Bucket\": \"b\", \"Key\": \"file.csv\", \"MaxItems\": %s}";
        DescribeExecutionResponse two = run("Max2", mapWith(getObject(
                "{\"InputType\": \"CSV\", \"MaxItems\": 2}"), ""), input.formatted(0));
        assertThat(json(two.output())).isEqualTo(json(
                "[{\"Col1\":\"Value1\",\"Col2\":\"Value2\"},{\"Col1\":\"Value3\",\"Col2\":\"Value4\"}]"));
        String byPath = mapWith(getObject("{\"InputType\": \"CSV\", \"MaxItemsPath\": \"$.MaxItems\"}"), "");
        assertThat(json(run("PathZero", byPath, input.formatted(0)).output())).hasSize(4);
        assertThat(json(run("PathText", byPath, input.formatted("\"3\"")).output())).hasSize(3);
        DescribeExecutionResponse negative = run("PathNegative", byPath, input.formatted(-1));
        assertThat(negative.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(negative.cause()).isEqualTo("field MaxItems must be positive");
        DescribeExecutionResponse fraction = run("PathFraction", byPath, input.formatted(1.5));
        assertThat(fraction.error()).isEqualTo("States.Runtime");
        assertThat(fraction.cause()).isEqualTo("An error occurred while executing the state 'MapState' (entered at "
                + "the event id #2). The MaxItemsPath field refers to value \"1.5\" which is not a valid integer: "
                + "$.MaxItems");
        // AWS: the Map Run never starts
        assertThat(history(fraction)).extracting(HistoryEvent::typeAsString).containsExactly(
                "ExecutionStarted", "MapStateEntered", "MapStateStarted", "ExecutionFailed");
    }

    @Test
    void jsonataArgumentsAndMaxItems() throws IOException {
        start(true);
        object("b", "file.json", "[1, 2, 3]");
        String definition = """
                {"QueryLanguage": "JSONata", "StartAt": "MapState", "States": {"MapState": {"Type": "Map",
                  "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
                    "ReaderConfig": {"InputType": "JSON", "MaxItems": "{% $states.input.limit %}"},
                    "Arguments": {"Bucket": "{% $states.input.Bucket %}", "Key": "{% $states.input.Key %}"}},
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    "StartAt": "Double", "States": {"Double": {"Type": "Pass", "Output": "{% $states.input * 2 %}",
                    "End": true}}},
                  "End": true}}}""";
        DescribeExecutionResponse done = run("Jsonata", definition,
                "{\"Bucket\": \"b\", \"Key\": \"file.json\", \"limit\": 2}");
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(json(done.output())).isEqualTo(json("[2, 4]"));
    }

    @Test
    void listObjectsV2GivesTheObjectsMetadataUnderThePrefix() throws Exception {
        start(true);
        object("bucket", "logs/file_1.txt", "1HelloWorld!");
        object("bucket", "logs/file_0.txt", "0HelloWorld!");
        object("bucket", "other/x.txt", "x");
        String reader = """
                {"Resource": "arn:aws:states:::s3:listObjectsV2",
                 "Parameters": {"Bucket.$": "$.Bucket", "Prefix": "logs/"}}""";
        DescribeExecutionResponse done = run("List", mapWith(reader, ""), "{\"Bucket\": \"bucket\"}");
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode items = json(done.output());
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("Key").asText()).isEqualTo("logs/file_0.txt");
        assertThat(items.get(1).get("Key").asText()).isEqualTo("logs/file_1.txt");
        JsonNode first = items.get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("Etag", "Key", "LastModified", "Size", "StorageClass");
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest("0HelloWorld!".getBytes(StandardCharsets.UTF_8)));
        assertThat(first.get("Etag").asText()).isEqualTo("\"" + md5 + "\"");
        assertThat(first.get("Size").asLong()).isEqualTo(12);
        assertThat(first.get("StorageClass").asText()).isEqualTo("STANDARD");
        assertThat(first.get("LastModified").isIntegralNumber()).isTrue();
    }

    @Test
    void theMockConfigAnswersAndWinsOverTheFolder() throws IOException {
        start(true);
        object("b", "file.json", "[{\"id\": \"from-folder\"}]");
        String definition = mapWith(getObject("{\"InputType\": \"JSON\"}"), "");
        String input = "{\"Bucket\": \"b\", \"Key\": \"file.json\"}";
        assertThat(json(runCase("Mocked", "FromMock", definition, input).output()))
                .isEqualTo(json("[{\"id\": \"from-mock\"}]"));
        // a test case that does not map the Map state leaves it to the folder
        assertThat(json(run("Mocked2", definition, input).output())).isEqualTo(json("[{\"id\": \"from-folder\"}]"));
        DescribeExecutionResponse thrown = runCase("Mocked", "Broken", definition, input);
        assertThat(thrown.error()).isEqualTo("S3.AccessDenied");
        assertThat(thrown.cause()).isEqualTo("no access");
    }

    @Test
    void theMockConfigAnswersWithoutAFolder() throws IOException {
        start(false);
        String reader = """
                {"Resource": "arn:aws:states:::s3:listObjectsV2", "Parameters": {"Bucket": "any"}}""";
        DescribeExecutionResponse done = runCase("Listing", "FromMock", mapWith(reader, ""), "{}");
        assertThat(json(done.output())).isEqualTo(json("""
                [{"Etag": "\\"e1\\"", "Key": "a.txt", "LastModified": 1700000000, "Size": 3, "StorageClass": "STANDARD"}]"""));
    }

    @Test
    void aMissingObjectFailsWithItemReaderFailed() throws IOException {
        start(true);
        Files.createDirectories(s3.resolve("b"));
        DescribeExecutionResponse done = run("Missing", mapWith(getObject("{\"InputType\": \"JSON\"}"), ""),
                "{\"Bucket\": \"b\", \"Key\": \"nope.json\"}");
        assertThat(done.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(done.cause()).startsWith("Amazon S3 getObject failed: The specified key does not exist. "
                + "(Bucket: b, Key: nope.json;");
        assertThat(history(done)).extracting(HistoryEvent::typeAsString).contains("MapRunFailed", "MapStateFailed");
    }

    @Test
    void withoutFolderOrMockTheCauseSaysHowToProvideTheItems() throws IOException {
        start(false);
        DescribeExecutionResponse done = run("Nowhere", mapWith(getObject("{\"InputType\": \"JSON\"}"), ""),
                "{\"Bucket\": \"b\", \"Key\": \"k.json\"}");
        assertThat(done.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(done.cause()).contains("s3://b/k.json", "--s3-dir DIR", "DIR/b/k.json", "MockedResponse",
                "stateMachineArn#TestCase");
    }

    @Test
    void resultWriterWritesTheManifestAndResultFiles() throws IOException {
        start(true);
        String definition = """
                {"StartAt": "MapState", "States": {"MapState": {"Type": "Map", "Label": "TestMap",
                  "ToleratedFailurePercentage": 100,
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    "StartAt": "Check", "States": {
                      "Check": {"Type": "Choice", "Choices": [{"Variable": "$", "StringEquals": "bad",
                        "Next": "Boom"}], "Default": "Ok"},
                      "Ok": {"Type": "Pass", "End": true},
                      "Boom": {"Type": "Fail", "Error": "Item.Bad", "Cause": "bad item"}}},
                  "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject",
                    "Parameters": {"Bucket": "result-bucket", "Prefix": "mapJobs"}},
                  "End": true}}}""";
        DescribeExecutionResponse done = run("Writer", definition, "[\"Hello\", \"bad\", \"World\"]");
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode output = json(done.output());
        String mapRunArn = output.get("MapRunArn").asText();
        assertThat(mapRunArn).contains(":mapRun:Writer/TestMap:");
        String runId = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
        assertThat(output.get("ResultWriterDetails")).isEqualTo(json(
                "{\"Bucket\": \"result-bucket\", \"Key\": \"mapJobs/" + runId + "/manifest.json\"}"));
        Path dir = s3.resolve("result-bucket/mapJobs/" + runId);
        JsonNode manifest = json(Files.readString(dir.resolve("manifest.json")));
        assertThat(manifest.get("DestinationBucket").asText()).isEqualTo("result-bucket");
        assertThat(manifest.get("MapRunArn").asText()).isEqualTo(mapRunArn);
        assertThat(manifest.get("ResultFiles").get("PENDING")).isEmpty();
        JsonNode succeededFile = manifest.get("ResultFiles").get("SUCCEEDED").get(0);
        assertThat(succeededFile.get("Key").asText()).isEqualTo("mapJobs/" + runId + "/SUCCEEDED_0.json");
        assertThat(succeededFile.get("Size").asLong()).isEqualTo(Files.size(dir.resolve("SUCCEEDED_0.json")));
        JsonNode succeeded = json(Files.readString(dir.resolve("SUCCEEDED_0.json")));
        assertThat(succeeded).hasSize(2);
        assertThat(succeeded.get(0).get("Input").asText()).isEqualTo("\"Hello\"");
        assertThat(succeeded.get(0).get("Output").asText()).isEqualTo("\"Hello\"");
        assertThat(succeeded.get(0).get("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(succeeded.get(0).get("ExecutionArn").asText()).contains(":execution:Writer/TestMap:");
        JsonNode failed = json(Files.readString(dir.resolve("FAILED_0.json")));
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("Error").asText()).isEqualTo("Item.Bad");
        assertThat(failed.get(0).get("Cause").asText()).isEqualTo("bad item");
        assertThat(failed.get(0).get("Status").asText()).isEqualTo("FAILED");
    }

    @Test
    void withoutFolderTheResultsStayInTheOutput() throws IOException {
        start(false);
        String definition = """
                {"StartAt": "MapState", "States": {"MapState": {"Type": "Map",
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
                  "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject",
                    "Parameters": {"Bucket": "result-bucket", "Prefix": "mapJobs"}},
                  "End": true}}}""";
        assertThat(json(run("KeepOutput", definition, "[1, 2]").output())).isEqualTo(json("[1, 2]"));
    }

    @Test
    void writerConfigAloneFormatsTheOutput() throws IOException {
        start(false);
        String definition = """
                {"StartAt": "MapState", "States": {"MapState": {"Type": "Map",
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
                  "ResultWriter": {"WriterConfig": {"Transformation": "FLATTEN", "OutputType": "JSON"}},
                  "End": true}}}""";
        assertThat(json(run("Flatten", definition, "[[1, 2], [3], 4]").output())).isEqualTo(json("[1, 2, 3, 4]"));
    }

    @Test
    void definitionsAreCheckedWhenCreated() throws IOException {
        start(false);
        String inline = """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemReader": %s,
                  "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
                  "End": true}}}""".formatted(getObject("{\"InputType\": \"JSON\"}"));
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("Inline").definition(inline).roleArn(ROLE)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("ItemReader needs a distributed Map");
        String badResource = mapWith("""
                {"Resource": "arn:aws:states:::s3:putObject", "ReaderConfig": {"InputType": "JSON"}}""", "");
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("Bad").definition(badResource).roleArn(ROLE)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("/States/MapState/ItemReader/Resource");
        String givenWithoutHeaders = mapWith(getObject("{\"InputType\": \"CSV\", \"CSVHeaderLocation\": \"GIVEN\"}"), "");
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("NoHeaders").definition(givenWithoutHeaders)
                .roleArn(ROLE))).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("CSVHeaders");
    }
}
