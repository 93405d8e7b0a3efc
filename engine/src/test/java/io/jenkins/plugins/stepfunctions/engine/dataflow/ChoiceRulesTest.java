package io.jenkins.plugins.stepfunctions.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.stepfunctions.engine.StatesException;
import org.junit.jupiter.api.Test;

class ChoiceRulesTest {
    private static boolean matches(String rule, String input) {
        return ChoiceRules.matches(Json.of(rule), Json.scope(input));
    }

    @Test
    void typeMismatchComparesFalseInsteadOfFailing() {
        assertThat(matches("{'Variable':'$.v','NumericEquals':1}", "{'v':'1'}")).isFalse();
        assertThat(matches("{'Variable':'$.v','StringEquals':'1'}", "{'v':1}")).isFalse();
        assertThat(matches("{'Variable':'$.v','BooleanEquals':true}", "{'v':'true'}")).isFalse();
        assertThat(matches("{'Variable':'$.v','TimestampEquals':'2012-10-09T19:00:55Z'}", "{'v':'2012-10-09'}")).isFalse();
    }

    @Test
    void comparisonsAndTheirPathVariants() {
        assertThat(matches("{'Variable':'$.v','NumericLessThanEquals':2}", "{'v':2.0}")).isTrue();
        assertThat(matches("{'Variable':'$.v','NumericGreaterThanPath':'$.w'}", "{'v':3,'w':2}")).isTrue();
        assertThat(matches("{'Variable':'$.v','StringLessThan':'AB'}", "{'v':'A'}")).isTrue();
        assertThat(matches("{'Variable':'$.v','TimestampGreaterThan':'2012-10-09T19:00:55Z'}",
                "{'v':'2012-10-09T19:00:55-01:00'}")).isTrue();
        assertThat(matches("{'Variable':'$$.Execution.Name','StringEquals':'run-1'}", "{}")).isTrue();
    }

    @Test
    void stringMatchesHonoursWildcardAndEscapedStar() {
        assertThat(matches("{'Variable':'$.v','StringMatches':'log-*.txt'}", "{'v':'log-2024.txt'}")).isTrue();
        assertThat(matches("{'Variable':'$.v','StringMatches':'*.log'}", "{'v':'a.txt'}")).isFalse();
        assertThat(ChoiceRules.matches(Json.strict("{\"Variable\":\"$.v\",\"StringMatches\":\"a\\\\*b\"}"),
                Json.scope("{'v':'a*b'}"))).isTrue();
        assertThat(ChoiceRules.matches(Json.strict("{\"Variable\":\"$.v\",\"StringMatches\":\"a\\\\*b\"}"),
                Json.scope("{'v':'axxb'}"))).isFalse();
    }

    @Test
    void typeTestsAndPresence() {
        assertThat(matches("{'Variable':'$.v','IsPresent':false}", "{}")).isTrue();
        assertThat(matches("{'Variable':'$.v','IsNull':true}", "{'v':null}")).isTrue();
        assertThat(matches("{'Variable':'$.v','IsNumeric':false}", "{'v':'1'}")).isTrue();
        assertThat(matches("{'Variable':'$.v','IsTimestamp':true}", "{'v':'2016-03-14T01:59:00Z'}")).isTrue();
        assertThat(matches("{'Variable':'$.v','IsBoolean':true}", "{'v':false}")).isTrue();
        assertThat(matches("{'Variable':'$.v','IsString':true}", "{'v':false}")).isFalse();
    }

    @Test
    void missingVariableIsARuntimeErrorOutsideIsPresent() {
        assertThatThrownBy(() -> matches("{'Variable':'$.nope','StringEquals':'x'}", "{}"))
                .isInstanceOfSatisfying(StatesException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.Runtime");
                    assertThat(e.cause()).isEqualTo(
                            "Invalid path '$.nope': The choice state's condition path references an invalid value.");
                });
    }

    @Test
    void booleanCombinators() {
        String rule = "{'And':[{'Variable':'$.a','NumericGreaterThan':1},"
                + "{'Or':[{'Variable':'$.b','StringEquals':'x'},{'Not':{'Variable':'$.c','IsPresent':true}}]}]}";
        assertThat(matches(rule, "{'a':2,'b':'y'}")).isTrue();
        assertThat(matches(rule, "{'a':2,'b':'y','c':1}")).isFalse();
        assertThat(matches(rule, "{'a':1,'b':'x'}")).isFalse();
    }

    @Test
    void validateNamesLocationAndFix() {
        assertThat(ChoiceRules.validate(Json.of("{'Variable':'$.a','NumericEquals':1,'Next':'X'}"), "/States/C/Choices/0"))
                .isEmpty();
        assertThat(ChoiceRules.validate(Json.of("{'Variable':'$.a','StringEqual':'x','Next':'X'}"), "/States/C/Choices/0"))
                .extracting(d -> d.location())
                .contains("/States/C/Choices/0/StringEqual");
        assertThat(ChoiceRules.validate(Json.of("{'Variable':'$.a','NumericEquals':'1'}"), "/c"))
                .singleElement().satisfies(d -> assertThat(d.message()).contains("takes a number"));
        assertThat(ChoiceRules.validate(Json.of("{'Not':{'Variable':'$.a','IsNull':true,'Next':'X'}}"), "/c"))
                .singleElement().satisfies(d -> assertThat(d.location()).isEqualTo("/c/Not/Next"));
        assertThat(ChoiceRules.validate(Json.of("{'And':[]}"), "/c")).hasSize(1);
        assertThat(ChoiceRules.validate(Json.of("{'Variable':'a.b','IsNull':true}"), "/c"))
                .singleElement().satisfies(d -> assertThat(d.location()).isEqualTo("/c/Variable"));
    }

    @Test
    void aCompiledRuleReadsTheInputOfEachEvaluation() {
        ChoiceRule rule = ChoiceRules.compile(Json.of("{'And':[{'Variable':'$.n','NumericLessThan':3},"
                + "{'Variable':'$.at','TimestampLessThan':'2030-01-01T00:00:00Z'}]}"));
        assertThat(rule.matches(Json.scope("{'n':2,'at':'2029-12-31T23:59:59Z'}"))).isTrue();
        assertThat(rule.matches(Json.scope("{'n':3,'at':'2029-12-31T23:59:59Z'}"))).isFalse();
        assertThat(rule.matches(Json.scope("{'n':2,'at':'2030-01-01T00:00:01Z'}"))).isFalse();
    }

    @Test
    void aRuleTheValidatorRefusesStillCompilesAndFailsOnlyWhenEvaluated() {
        ChoiceRule noOperator = ChoiceRules.compile(Json.of("{'Variable':'$.a','StringEqual':'x'}"));
        assertThatThrownBy(() -> noOperator.matches(Json.scope("{'a':'x'}")))
                .isInstanceOf(StatesException.class)
                .hasMessageContaining("has no comparison operator");
    }
}
