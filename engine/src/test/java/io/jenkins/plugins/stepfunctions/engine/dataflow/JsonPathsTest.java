package io.jenkins.plugins.stepfunctions.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonPathsTest {
    @Test
    void missingPathIsToldApartFromPresentNull() {
        PathScope scope = Json.scope("{'a':null}");
        assertThat(JsonPaths.read("$.a", scope)).isEqualTo(Json.of("null"));
        assertThat(JsonPaths.read("$.b", scope)).isNull();
        assertThat(JsonPaths.read("$.a.b", scope)).isNull();
    }

    @Test
    void indexPastTheEndIsMissingNotNull() {
        PathScope scope = Json.scope("{'a':[1,2]}");
        assertThat(JsonPaths.read("$.a[2]", scope)).isNull();
        assertThat(JsonPaths.read("$.a[-1]", scope)).isEqualTo(Json.of("2"));
    }

    @Test
    void backslashInAQuotedBracketNameIsLiteralAsOnAws() {
        PathScope scope = new PathScope(Json.strict("{\"Test\\\\\\\"\\\"Name\\\"\": \"v\", \"a'b\": 2}"),
                Json.of("{}"), Map.of());
        assertThat(JsonPaths.read("$['Test\\\"\"Name\"']", scope)).isEqualTo(Json.of("'v'"));
        assertThat(JsonPaths.read("$['a\\'b']", scope)).isEqualTo(Json.of("2"));
    }

    @Test
    void invalidPathExplainsWhatIsMissingAsAws() {
        assertThat(JsonPaths.invalidPath("$.NoSuchInputPath", Json.scope("{}")).cause())
                .isEqualTo("Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']");
        assertThat(JsonPaths.invalidPath("$.no.such.result.path", Json.scope("{'a':1}")).cause())
                .isEqualTo("Invalid path '$.no.such.result.path' : Missing property in path $['no']");
    }

    @Test
    void readsInputContextAndVariables() {
        PathScope scope = new PathScope(Json.of("{'a':{'b':[1,2,3]}}"), Json.of("{'Execution':{'Name':'run-1'}}"),
                Map.of("order", Json.of("{'id':7}")));
        assertThat(JsonPaths.read("$", scope)).isEqualTo(Json.of("{'a':{'b':[1,2,3]}}"));
        assertThat(JsonPaths.read("$.a.b[1]", scope)).isEqualTo(Json.of("2"));
        assertThat(JsonPaths.read("$['a']['b'][2]", scope)).isEqualTo(Json.of("3"));
        assertThat(JsonPaths.read("$$.Execution.Name", scope)).isEqualTo(Json.of("'run-1'"));
        assertThat(JsonPaths.read("$order.id", scope)).isEqualTo(Json.of("7"));
        assertThat(JsonPaths.read("$order", scope)).isEqualTo(Json.of("{'id':7}"));
        assertThat(JsonPaths.read("$unknown", scope)).isNull();
    }

    @Test
    void plainNamesReadWhatJsonPathReadsForEveryKindOfValue() {
        JsonNode input = Json.of("{'o':{'s':'t','i':1,'l':12345678901,'d':1.5,'b':true,'n':null,'a':[1],'e':{}},"
                + "'arr':[{'x':1}],'num':3,'txt':'x'}");
        input.get("o").withObject("big").put("dec", new java.math.BigDecimal("1.50"))
                .put("int", java.math.BigInteger.TEN.pow(30)).put("f", 1.25f);
        PathScope scope = new PathScope(input, Json.of("{}"), Map.of());
        for (String path : new String[] {"o.s", "o.i", "o.l", "o.d", "o.b", "o.n", "o.a", "o.e", "o.big.dec",
                "o.big.int", "o.big.f", "o.missing", "o.n.x", "arr.x", "num.x", "txt.x", "o.s.x", "o.a.x"}) {
            String bracketed = "$['" + path.replace(".", "']['") + "']";
            JsonNode viaJsonPath = JsonPaths.read(bracketed, scope);
            JsonNode direct = JsonPaths.read("$." + path, scope);
            assertThat(direct).as(path).isEqualTo(viaJsonPath);
            if (direct != null) {
                assertThat(direct.getClass()).as(path).isEqualTo(viaJsonPath.getClass());
                assertThat(direct.toString()).as(path).isEqualTo(viaJsonPath.toString());
            }
        }
        assertThat(JsonPaths.read("$.x", new PathScope(Json.of("[1]"), Json.of("{}"), Map.of()))).isNull();
    }

    @Test
    void wildcardsSlicesAndFiltersReturnLists() {
        PathScope scope = Json.scope("{'users':[{'n':'a','s':0},{'n':'b','s':1}]}");
        assertThat(JsonPaths.read("$.users[*].n", scope)).isEqualTo(Json.of("['a','b']"));
        assertThat(JsonPaths.read("$.users[0:1]", scope)).isEqualTo(Json.of("[{'n':'a','s':0}]"));
        assertThat(JsonPaths.read("$.users[?(@.s == 1)].n", scope)).isEqualTo(Json.of("['b']"));
        assertThat(JsonPaths.read("$.missing[*]", scope)).isEqualTo(Json.of("[]"));
    }

    @Test
    void resultPathPlacesResultWithoutTouchingTheInput() {
        JsonNode input = Json.of("{'a':{'keep':1},'b':2}");
        JsonNode output = JsonPaths.applyResultPath(input, "$.a.result.deep", Json.of("'r'"));
        assertThat(output).isEqualTo(Json.of("{'a':{'keep':1,'result':{'deep':'r'}},'b':2}"));
        assertThat(input).isEqualTo(Json.of("{'a':{'keep':1},'b':2}"));
        assertThat(JsonPaths.applyResultPath(input, "$", Json.of("1"))).isEqualTo(Json.of("1"));
        assertThat(JsonPaths.applyResultPath(input, null, Json.of("1"))).isSameAs(input);
        assertThat(JsonPaths.applyResultPath(input, "$['b']", Json.of("3"))).isEqualTo(Json.of("{'a':{'keep':1},'b':3}"));
    }

    @Test
    void resultPathIntoAScalarIsAResultPathMatchFailure() {
        assertThatThrownBy(() -> JsonPaths.applyResultPath(Json.of("{'a':1}"), "$.a.b", Json.of("2")))
                .isInstanceOfSatisfying(StatesException.class,
                        e -> assertThat(e.error()).isEqualTo(StatesException.RESULT_PATH_MATCH_FAILURE));
        assertThatThrownBy(() -> JsonPaths.applyResultPath(Json.of("'text'"), "$.r", Json.of("2")))
                .isInstanceOf(StatesException.class);
    }

    @Test
    void checkSyntaxNamesTheProblem() {
        assertThat(JsonPaths.checkSyntax("$.a.b")).isNull();
        assertThat(JsonPaths.checkSyntax("$$.Execution.Input")).isNull();
        assertThat(JsonPaths.checkSyntax("$var.x")).isNull();
        assertThat(JsonPaths.checkSyntax("$")).isNull();
        assertThat(JsonPaths.checkSyntax("a.b")).contains("must start with '$'");
        assertThat(JsonPaths.checkSyntax("$.a[")).contains("$.a[");
        assertThat(JsonPaths.checkReferencePathSyntax("$.a[*]")).contains("reference path");
        assertThat(JsonPaths.checkReferencePathSyntax("$.a['b'][0]")).isNull();
    }
}
