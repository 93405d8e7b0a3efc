package io.jenkins.plugins.stepfunctions.engine.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StateMachineDefinitionTest {

    private static List<Diagnostic> problems(String json) {
        return StateMachineDefinition.validate(json);
    }

    @Test
    void validDefinitionHasNoDiagnostics() throws Exception {
        String json = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"},"
                + "\"B\":{\"Type\":\"Succeed\"}}}";
        assertThat(problems(json)).isEmpty();
        StateMachineDefinition d = StateMachineDefinition.parse(json);
        assertThat(d.json()).isEqualTo(json);
        assertThat(d.graph().start().name()).isEqualTo("A");
    }

    @Test
    void unknownNextTargetIsReportedAtItsPointer() {
        List<Diagnostic> d = problems("{\"StartAt\":\"Build\",\"States\":{\"Build\":{\"Type\":\"Pass\","
                + "\"Next\":\"Deploy\"},\"Done\":{\"Type\":\"Succeed\"}}}");
        assertThat(d).anySatisfy(x -> {
            assertThat(x.code()).isEqualTo("MISSING_TRANSITION_TARGET");
            assertThat(x.location()).isEqualTo("/States/Build/Next");
            assertThat(x.message()).contains("Deploy").contains("Build, Done");
        });
    }

    @Test
    void unreachableStateIsReported() {
        List<Diagnostic> d = problems("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"},"
                + "\"Orphan\":{\"Type\":\"Succeed\"}}}");
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("UNREACHABLE_STATE");
            assertThat(x.location()).isEqualTo("/States/Orphan");
        });
    }

    @Test
    void stateWithoutNextOrEndIsReported() {
        List<Diagnostic> d = problems("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\"}}}");
        assertThat(d).anySatisfy(x -> {
            assertThat(x.code()).isEqualTo("SCHEMA_VALIDATION_FAILED");
            assertThat(x.location()).isEqualTo("/States/A");
            assertThat(x.message()).contains("\"End\": true");
        });
    }

    @Test
    void unknownTypeAndUnknownFieldAreReported() {
        assertThat(problems("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Sleep\",\"End\":true}}}"))
                .anySatisfy(x -> assertThat(x.location()).isEqualTo("/States/A/Type"));
        assertThat(problems("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true,\"Seconds\":3}}}"))
                .anySatisfy(x -> {
                    assertThat(x.location()).isEqualTo("/States/A/Seconds");
                    assertThat(x.message()).contains("not supported by Pass");
                });
    }

    @Test
    void malformedJsonIsInvalidJsonDescription() {
        assertThatThrownBy(() -> StateMachineDefinition.parse("{\"StartAt\":"))
                .isInstanceOf(InvalidDefinitionException.class)
                .satisfies(e -> assertThat(((InvalidDefinitionException) e).diagnostics())
                        .extracting(Diagnostic::code).containsExactly("INVALID_JSON_DESCRIPTION"));
    }

    @Test
    void badPathAndBadChoiceOperatorAreReported() {
        assertThat(problems("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"InputPath\":\"foo\","
                + "\"End\":true}}}")).anySatisfy(x -> assertThat(x.location()).isEqualTo("/States/A/InputPath"));
        assertThat(problems("{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":"
                + "\"$.x\",\"NumberEquals\":1,\"Next\":\"D\"}],\"Default\":\"D\"},\"D\":{\"Type\":\"Succeed\"}}}"))
                .anySatisfy(x -> assertThat(x.location()).startsWith("/States/C/Choices/0"));
    }

    @Test
    void jsonPathFieldsAreRejectedInJsonataStates() {
        assertThat(problems("{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\","
                + "\"Parameters\":{},\"End\":true}}}"))
                .anySatisfy(x -> assertThat(x.location()).isEqualTo("/States/A/Parameters"));
    }

    @Test
    void catchTargetsAndNestedGraphsAreChecked() {
        List<Diagnostic> d = problems("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"End\":true,"
                + "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Nowhere\"}],"
                + "\"Branches\":[{\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Pass\",\"Next\":\"Y\"}}}]}}}");
        assertThat(d).extracting(Diagnostic::location)
                .contains("/States/P/Catch/0/Next", "/States/P/Branches/0/States/X/Next");
    }

    @Test
    void statesAllMustStandAloneAndLast() {
        assertThat(problems("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":"
                + "\"arn:aws:states:::lambda:invoke\",\"End\":true,\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"]},"
                + "{\"ErrorEquals\":[\"X\"]}]}}}"))
                .anySatisfy(x -> assertThat(x.location()).isEqualTo("/States/T/Retry/0/ErrorEquals"));
    }
}
