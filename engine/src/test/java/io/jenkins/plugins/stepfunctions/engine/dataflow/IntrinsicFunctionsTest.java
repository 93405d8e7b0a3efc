package io.jenkins.plugins.stepfunctions.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import org.junit.jupiter.api.Test;

class IntrinsicFunctionsTest {
    private static JsonNode eval(String expression, String input) {
        return IntrinsicFunctions.evaluate(expression, Json.scope(input));
    }

    private static JsonNode eval(String expression) {
        return eval(expression, "{}");
    }

    @Test
    void formatPrintsValuesAsAwsDoesAndHonoursEscapedBraces() {
        assertThat(eval("States.Format('{} is {} and {}', $.a, $.b, $.c)", "{'a':'x','b':1.5,'c':true}").textValue())
                .isEqualTo("x is 1.5 and true");
        assertThat(eval("States.Format('v={}', $.o)", "{'o':{'k':[1,'s']}}").textValue()).isEqualTo("v={k=[1, s]}");
        assertThat(eval("States.Format('\\{\\} {}', 'x')").textValue()).isEqualTo("{} x");
        assertThat(eval("States.Format('it\\'s {}', 'ok')").textValue()).isEqualTo("it's ok");
    }

    @Test
    void jsonConversionsRoundTrip() {
        assertThat(eval("States.JsonToString($.o)", "{'o':{'a':[1,2]}}").textValue()).isEqualTo("{\"a\":[1,2]}");
        assertThat(eval("States.StringToJson($.s)", "{'s':'{\\\"a\\\":1}'}")).isEqualTo(Json.of("{'a':1}"));
        assertThat(eval("States.JsonMerge($.a, $.b, false)", "{'a':{'x':1,'y':{'p':1}},'b':{'y':{'q':2}}}"))
                .isEqualTo(Json.of("{'x':1,'y':{'q':2}}"));
    }

    @Test
    void arrayFunctions() {
        assertThat(eval("States.Array(1, 'two', $.x, null, true)", "{'x':[3]}"))
                .isEqualTo(Json.of("[1,'two',[3],null,true]"));
        assertThat(eval("States.ArrayPartition($.a, 4)", "{'a':[1,2,3,4,5,6,7,8,9]}"))
                .isEqualTo(Json.of("[[1,2,3,4],[5,6,7,8],[9]]"));
        assertThat(eval("States.ArrayContains($.a, 2.0)", "{'a':[1,2]}").booleanValue()).isTrue();
        assertThat(eval("States.ArrayRange(1, 9, 2)")).isEqualTo(Json.of("[1,3,5,7,9]"));
        assertThat(eval("States.ArrayGetItem($.a, 1)", "{'a':['x','y']}")).isEqualTo(Json.of("'y'"));
        assertThat(eval("States.ArrayLength($.a)", "{'a':[1,2,3]}")).isEqualTo(Json.of("3"));
        assertThat(eval("States.ArrayUnique($.a)", "{'a':[1,2,2,{'k':1},{'k':1},'2']}"))
                .isEqualTo(Json.of("[1,2,{'k':1},'2']"));
        assertThat(eval("States.ArrayGetItem(States.StringSplit($$.Execution.Name, '-'), 0)")).isEqualTo(Json.of("'run'"));
    }

    @Test
    void encodingHashingMathAndStrings() {
        assertThat(eval("States.Base64Encode('Hello World')").textValue()).isEqualTo("SGVsbG8gV29ybGQ=");
        assertThat(eval("States.Base64Decode('SGVsbG8gV29ybGQ=')").textValue()).isEqualTo("Hello World");
        assertThat(eval("States.Hash('abc', 'SHA-256')").textValue())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(eval("States.Hash('abc', 'MD5')").textValue()).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(eval("States.MathAdd(-1.5, 1.5)")).isEqualTo(Json.of("1"));
        assertThat(eval("States.MathAdd($.a, -1)", "{'a':111}")).isEqualTo(Json.of("110"));
        assertThat(eval("States.StringSplit('a,b;;c', ',;')")).isEqualTo(Json.of("['a','b','c']"));
        assertThat(eval("States.UUID()").textValue()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void mathRandomStaysInRangeAndIsRepeatableWithASeed() {
        for (int i = 0; i < 50; i++) {
            assertThat(eval("States.MathRandom(1, 5)").intValue()).isBetween(1, 4);
        }
        assertThat(eval("States.MathRandom(0, 1000, 7)")).isEqualTo(eval("States.MathRandom(0, 1000, 7)"));
    }

    @Test
    void badArgumentsAreIntrinsicFailures() {
        assertThatThrownBy(() -> eval("States.ArrayGetItem($.a, 5)", "{'a':[1]}"))
                .isInstanceOfSatisfying(StatesException.class, e -> {
                    assertThat(e.error()).isEqualTo(StatesException.INTRINSIC_FAILURE);
                    assertThat(e.cause()).startsWith("The function 'States.ArrayGetItem($.a, 5)' had the following "
                            + "error: The index 5");
                });
        assertThatThrownBy(() -> eval("States.JsonMerge($.a, $.a, true)", "{'a':{}}"))
                .isInstanceOfSatisfying(StatesException.class, e -> assertThat(e.cause()).contains("shallow"));
        assertThatThrownBy(() -> eval("States.ArrayRange(1, 5000, 1)")).hasMessageContaining("1000");
    }

    @Test
    void missingPathArgumentIsARuntimeErrorWordedAsAws() {
        assertThatThrownBy(() -> eval("States.Format('Run for {}', $.fromDate)", "{'a':1}"))
                .isInstanceOfSatisfying(StatesException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.Runtime");
                    assertThat(e.cause()).isEqualTo("The function 'States.Format('Run for {}', $.fromDate)' had the "
                            + "following error: The JsonPath argument for the field '$.fromDate' could not be found "
                            + "in the input '{\"a\":1}'");
                });
    }

    @Test
    void checkSyntaxReportsUnknownFunctionsArityAndBadTokens() {
        assertThat(IntrinsicFunctions.checkSyntax("States.Format('{}', States.Array($.a, 'x'))")).isNull();
        assertThat(IntrinsicFunctions.checkSyntax("States.Nope(1)")).contains("unknown intrinsic function 'States.Nope'");
        assertThat(IntrinsicFunctions.checkSyntax("States.ArrayLength(1, 2)")).contains("takes 1 argument");
        assertThat(IntrinsicFunctions.checkSyntax("States.Array('open)")).contains("unterminated string");
        assertThat(IntrinsicFunctions.checkSyntax("States.Array(1")).contains("expected ',' or ')'");
        assertThat(IntrinsicFunctions.checkSyntax("States.Format('He said \\\"hi\\\"')"))
                .as("AWS rejects \\\" in an intrinsic string").contains("not an escape sequence");
        assertThat(IntrinsicFunctions.checkSyntax("States.Format('a \\{\\} \\' \\\\')")).isNull();
    }
}
