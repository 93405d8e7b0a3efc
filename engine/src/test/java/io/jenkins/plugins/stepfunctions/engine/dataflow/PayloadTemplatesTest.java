package io.jenkins.plugins.stepfunctions.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.stepfunctions.engine.StatesException;
import org.junit.jupiter.api.Test;

class PayloadTemplatesTest {
    @Test
    void dynamicKeysTakePathsAndIntrinsicsOthersAreCopied() {
        var template = Json.strict("""
                {"static": "$.not.a.path", "name.$": "$.user", "greeting.$": "States.Format('Hi {}', $.user)",
                 "nested": {"run.$": "$$.Execution.Name"}, "list": [{"x.$": "$.n"}]}""");
        var resolved = PayloadTemplates.resolve(template, Json.scope("{'user':'ann','n':1}"));
        assertThat(resolved).isEqualTo(Json.of("{'static':'$.not.a.path','name':'ann','greeting':'Hi ann',"
                + "'nested':{'run':'run-1'},'list':[{'x':1}]}"));
    }

    @Test
    void missingPathFailsWithAwsCause() {
        assertThatThrownBy(() -> PayloadTemplates.resolve(Json.of("{'value.$':'$.no_such_jsonpath'}"),
                Json.scope("{'a':1}")))
                .isInstanceOfSatisfying(StatesException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.Runtime");
                    assertThat(e.cause()).isEqualTo("The JSONPath '$.no_such_jsonpath' specified for the field "
                            + "'value.$' could not be found in the input '{\"a\":1}'");
                });
    }
}
