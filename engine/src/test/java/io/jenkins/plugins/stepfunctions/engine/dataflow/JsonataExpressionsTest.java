package io.jenkins.plugins.stepfunctions.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonataExpressionsTest {
    private static final JsonataScope SCOPE = new JsonataScope(
            Json.of("{'input':{'n':2,'items':[1,2,3],'nothing':null},'context':{'Execution':{'Name':'run-1'}}}"),
            Map.of("greeting", Json.of("'hi'")));

    private static JsonNode resolve(String template) {
        return JsonataExpressions.resolve(Json.strict(template), SCOPE, "Output");
    }

    @Test
    void evaluatesExpressionsInsideTemplatesAndCopiesTheRest() {
        assertThat(resolve("""
                {"sum": "{% $sum($states.input.items) %}", "who": "{% $greeting & ' ' & $states.context.Execution.Name %}",
                 "plain": "$.not.evaluated", "list": [1, "{% $states.input.n * 2 %}"], "none": "{% $states.input.nothing %}"}"""))
                .isEqualTo(Json.of("{'sum':6,'who':'hi run-1','plain':'$.not.evaluated','list':[1,4],'none':null}"));
    }

    @Test
    void typicalDeploymentExpressions() {
        JsonataScope scope = new JsonataScope(Json.strict("""
                {"input": {"service": "api", "regions": ["eu-west-1", "us-east-1"], "health": {"ok": 3, "total": 4},
                           "tags": {"team": "core"}},
                 "context": {"Execution": {"Name": "deploy-42"}}}"""), Map.of("attempt", Json.of("2")));
        assertThat(JsonataExpressions.resolve(Json.strict("""
                {"name": "{% $states.input.service & '-' & $states.context.Execution.Name %}",
                 "count": "{% $count($states.input.regions) %}",
                 "first": "{% $states.input.regions[0] %}",
                 "upper": "{% $map($states.input.regions, function($r) { $uppercase($r) }) %}",
                 "healthy": "{% $states.input.health.ok / $states.input.health.total >= 0.75 %}",
                 "next": "{% $attempt + 1 %}",
                 "team": "{% $lookup($states.input.tags, 'team') %}",
                 "mode": "{% $attempt > 1 ? 'retry' : 'first' %}",
                 "has": "{% $exists($states.input.missing) %}",
                 "ratio": "{% $states.input.health.ok / $states.input.health.total %}"}"""), scope, "Output"))
                .isEqualTo(Json.strict("""
                        {"name": "api-deploy-42", "count": 2, "first": "eu-west-1", "upper": ["EU-WEST-1", "US-EAST-1"],
                         "healthy": true, "next": 3, "team": "core", "mode": "retry", "has": false, "ratio": 0.75}"""));
    }

    @Test
    void oneCompiledExpressionEvaluatesCorrectlyOnManyThreads() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        int n = seed * 1000 + i;
                        JsonataScope scope = new JsonataScope(Json.of("{'input':{'n':" + n + "}}"),
                                Map.of("k", Json.of(String.valueOf(i))));
                        JsonNode out = JsonataExpressions.resolve(
                                Json.strict("\"{% $states.input.n * 2 + $k %}\""), scope, "Output");
                        if (out.longValue() != 2L * n + i) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var future : futures) {
                assertThat(future.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyAStringThatStartsAndEndsWithTheDelimitersIsAnExpression() {
        assertThat(resolve("\" {% 1 + 1 %}\"")).isEqualTo(Json.of("' {% 1 + 1 %}'"));
        assertThat(resolve("\"{%1 + 1%}\"")).isEqualTo(Json.of("2"));
    }

    @Test
    void awsFunctionsAreAvailable() {
        assertThat(resolve("\"{% $partition([1,2,3,4,5], 2) %}\"")).isEqualTo(Json.of("[[1,2],[3,4],[5]]"));
        assertThat(resolve("\"{% $range(0, 10, 5) %}\"")).isEqualTo(Json.of("[0,5,10]"));
        assertThat(resolve("\"{% $range(1, 9, 9) %}\"")).as("a one-item sequence is the item").isEqualTo(Json.of("1"));
        assertThat(resolve("\"{% $hash('abc', 'MD5') %}\"")).isEqualTo(Json.of("'900150983cd24fb0d6963f7d28e17f72'"));
        assertThat(resolve("\"{% $parse('{\\\"a\\\":[1]}') %}\"")).isEqualTo(Json.of("{'a':[1]}"));
        assertThat(resolve("\"{% $uuid() %}\"").textValue()).hasSize(36);
        assertThat(resolve("\"{% $random() %}\"").doubleValue()).isBetween(0.0, 1.0);
        assertThat(resolve("\"{% $random(7) %}\"")).isEqualTo(resolve("\"{% $random(7) %}\""));
    }

    @Test
    void undefinedResultNamesTheNestedField() {
        assertThatThrownBy(() -> resolve("{\"result\": \"{% $doesNotExist %}\"}"))
                .isInstanceOfSatisfying(StatesException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.QueryEvaluationError");
                    assertThat(e.cause()).isEqualTo("The JSONata expression '$doesNotExist' specified for the field "
                            + "'Output/result' returned nothing (undefined).");
                });
    }

    @Test
    void evaluationErrorCarriesTheJsonataCode() {
        assertThatThrownBy(() -> resolve("\"{% $randomSeeded($states.input.n) %}\""))
                .isInstanceOfSatisfying(StatesException.class, e -> assertThat(e.cause()).isEqualTo(
                        "The JSONata expression '$randomSeeded($states.input.n)' specified for the field 'Output' "
                                + "threw an error during evaluation. T1006: Attempted to invoke a non-function"));
    }

    @Test
    void runawayRecursionIsAQueryErrorNotAStackOverflow() {
        assertThatThrownBy(() -> resolve("\"{% ($f := function($x){ $x = 0 ? 0 : 1 + $f($x - 1) }; $f(100000)) %}\""))
                .isInstanceOfSatisfying(StatesException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.QueryEvaluationError");
                    assertThat(e.cause()).contains("threw an error during evaluation").contains("Stack overflow");
                });
    }

    @Test
    void functionResultIsUnsupported() {
        assertThatThrownBy(() -> resolve("\"{% $fn := function($x){$x} %}\""))
                .isInstanceOfSatisfying(StatesException.class,
                        e -> assertThat(e.cause()).endsWith("returned an unsupported result type."));
    }

    @Test
    void unexpectedResultTypeReadsAsAws() {
        assertThat(JsonataExpressions.unexpectedResultType("{'foo': 'bar'}", "Items", "array", Json.of("{'foo':'bar'}"))
                .cause()).isEqualTo("The JSONata expression '{'foo': 'bar'}' specified for the field 'Items' returned an "
                + "unexpected result type. Expected 'array', but was 'object' for value: {\"foo\":\"bar\"}");
    }

    @Test
    void checkSyntaxFindsBadExpressionsAnywhere() {
        assertThat(JsonataExpressions.checkSyntax(Json.strict("{\"a\": [\"{% 1 + %}\"]}"))).contains("1 +");
        assertThat(JsonataExpressions.checkSyntax(Json.strict("{\"a\": [\"{% 1 + 2 %}\", \"text\"]}"))).isNull();
    }
}
