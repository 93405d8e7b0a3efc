package io.jenkins.plugins.stepfunctions.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance harness can fail: a recording that differs from what the engine does is
 * reported with the difference, and the normalisation behaves as the Python runner's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HarnessSelfTest {
    private static final String CASE_WITH_EVENTS = "assign.test_assign_base.TestAssignBase.test_assign_in_choice_CONDITION_FALSE";

    private TestEngine engine;
    private ConformanceCase recorded;
    private CaseExecution.Result result;

    @BeforeAll
    void runOneRecordedCase() throws Exception {
        engine = TestEngine.options().timeScale(0.01).serve();
        recorded = ConformanceCase.loadAll().stream().filter(c -> c.id().equals(CASE_WITH_EVENTS)).findFirst().orElseThrow();
        result = new CaseExecution(engine.sfn(), Duration.ofSeconds(20)).run(recorded);
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    @Test
    void theRecordingAsAwsWroteItMatches() {
        assertThat(CaseVerdict.check(recorded, result, true)).isNull();
    }

    @Test
    void aDifferentCauseIsReported() {
        ConformanceCase tampered = withExpected(recorded, e -> e.put("cause", "Condition is true"));
        assertThat(CaseVerdict.check(tampered, result, false))
                .isEqualTo("$cause: expected \"Condition is true\", got \"Condition is false\"");
    }

    @Test
    void aDifferentStatusIsReported() {
        ConformanceCase tampered = withExpected(recorded, e -> e.put("status", "SUCCEEDED"));
        assertThat(CaseVerdict.check(tampered, result, false))
                .isEqualTo("status: expected SUCCEEDED, got FAILED (error None, cause 'Condition is false')");
    }

    @Test
    void aDifferentStateNameInTheEventsIsReportedOnlyWhenEventsAreCompared() {
        ConformanceCase tampered = withExpected(recorded, e -> ((ObjectNode) e.get("events").get(3)
                .get("stateEnteredEventDetails")).put("name", "SomewhereElse"));
        assertThat(CaseVerdict.check(tampered, result, true))
                .isEqualTo("events[3].stateEnteredEventDetails.name: expected \"SomewhereElse\", got \"DefaultState\"");
        assertThat(CaseVerdict.check(tampered, result, false)).isNull();
    }

    @Test
    void aMissingEventIsReported() {
        ConformanceCase tampered = withExpected(recorded, e -> ((ArrayNode) e.get("events")).remove(4));
        assertThat(CaseVerdict.check(tampered, result, true)).isEqualTo(
                "events: expected 4 events, got 5; extra events[4]: {\"type\": \"ExecutionFailed\"}");
    }

    @Test
    void placeholdersMatchAnythingAndNumbersCompareByValue() {
        assertThat(SnapshotComparison.compareValues(json("\"arn:<partition>:states:<region>:111111111111:x\""),
                json("\"arn:aws:states:us-east-1:111111111111:x\""), "$")).isNull();
        assertThat(SnapshotComparison.compareValues(json("\"<uuid:1>\""), json("{\"a\": 1}"), "$")).isNull();
        assertThat(SnapshotComparison.compareValues(json("1"), json("1.0"), "$")).isNull();
        assertThat(SnapshotComparison.compareValues(json("{\"a\": [1, true]}"), json("{\"a\": [1, 1]}"), "$"))
                .isEqualTo("$.a[1]: expected true, got 1");
        assertThat(SnapshotComparison.compareValues(json("{\"a\": 1}"), json("{\"b\": 1}"), "$"))
                .isEqualTo("$: missing keys ['a'], unexpected keys ['b']");
    }

    @Test
    void jsonTextIsWrittenAsPythonWritesIt() {
        assertThat(PythonJson.dumps(json("{\"a\":[1,2.5,1e-05,1e16,\"é\\n\"],\"b\":null}")))
                .isEqualTo("{\"a\": [1, 2.5, 1e-05, 1e+16, \"\\u00e9\\n\"], \"b\": null}");
        assertThat(PythonJson.floatRepr(100.0)).isEqualTo("100.0");
        assertThat(PythonJson.floatRepr(0.0001)).isEqualTo("0.0001");
        assertThat(PythonJson.floatRepr(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
    }

    @Test
    void theRecorderTransformsNormaliseDatesIdsAndNames() {
        JsonNode doc = json("{\"events\": [{\"id\": 1, \"executionArn\": \"arn:aws:states:eu-west-1:123456789012:execution:sm:run-0001\","
                + " \"output\": \"{\\\"when\\\": \\\"2024-01-02T03:04:05.678Z\\\", \\\"requestId\\\": \\\"0b3c1a2e-1111-2222-3333-444455556666\\\"}\"}]}");
        SnapshotTransforms.parseLikeSnapshot(doc);
        JsonNode out = SnapshotTransforms.apply(doc, SnapshotTransforms.expand(json("[{\"t\": \"defaults\"},"
                        + " {\"t\": \"regex\", \"var\": \"executionName\", \"repl\": \"<ExecArnPart_0idx>\"}]")),
                Map.of("accountId", "123456789012", "region", "eu-west-1", "partitionPrefix", "arn:aws:",
                        "executionName", "run-0001"));
        assertThat(out.get("events").get(0).get("executionArn").asText())
                .isEqualTo("arn:<partition>:states:<region>:111111111111:execution:sm:<ExecArnPart_0idx>");
        assertThat(out.get("events").get(0).get("output").get("when").asText()).isEqualTo("date");
        assertThat(out.get("events").get(0).get("output").get("requestId").asText()).isEqualTo("<uuid:1>");
    }

    private static ConformanceCase withExpected(ConformanceCase c, Consumer<ObjectNode> change) {
        ObjectNode expected = c.expected().deepCopy();
        change.accept(expected);
        return new ConformanceCase(c.id(), c.area(), c.tags(), c.definition(), c.input(), c.inputOmitted(), expected,
                c.transforms(), c.testCase(), c.stateMachineName(), c.ignorePaths());
    }

    private static JsonNode json(String text) {
        return PythonJson.loadsOrFail(text);
    }
}
