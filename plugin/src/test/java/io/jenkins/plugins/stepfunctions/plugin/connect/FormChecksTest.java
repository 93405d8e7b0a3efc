package io.jenkins.plugins.stepfunctions.plugin.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormChecksTest {
    @Test
    void stateMachineAcceptsArnsWithQualifiersNamesAndVariables() {
        assertThat(FormChecks.stateMachine("arn:aws:states:eu-west-1:123456789012:stateMachine:deploy")).isEmpty();
        assertThat(FormChecks.stateMachine("arn:aws:states:eu-west-1:123456789012:stateMachine:deploy:prod")).isEmpty();
        assertThat(FormChecks.stateMachine("deploy-service_2")).isEmpty();
        assertThat(FormChecks.stateMachine("arn:aws:states:us-east-1:123456789012:stateMachine:blue-green#HappyPath"))
                .as("a Step Functions Local test case").isEmpty();
        assertThat(FormChecks.stateMachine("${MACHINE}")).isEmpty();
    }

    @Test
    void stateMachineNamesTheFixForBrokenArnsAndNames() {
        assertThat(FormChecks.stateMachine("arn:aws:states:eu-west-1:12345:stateMachine:deploy")).get().asString()
                .startsWith("Not a state machine ARN");
        assertThat(FormChecks.stateMachine("deploy service")).get().asString().contains("1-80 letters");
    }

    @Test
    void executionAndRoleArnsAreChecked() {
        assertThat(FormChecks.executionArn("arn:aws:states:us-east-1:123456789012:execution:deploy:run-1")).isEmpty();
        assertThat(FormChecks.executionArn("arn:aws:states:us-east-1:123456789012:stateMachine:deploy")).isPresent();
        assertThat(FormChecks.roleArn("arn:aws:iam::123456789012:role/path/deployer")).isEmpty();
        assertThat(FormChecks.roleArn("arn:aws:iam::123456789012:user/bob")).isPresent();
    }

    @Test
    void jsonProblemsNameLineAndColumn() {
        assertThat(FormChecks.json("{\"a\": 1}")).isEmpty();
        assertThat(FormChecks.json("{\"a\": }")).get().asString().startsWith("Not valid JSON").contains("line 1");
    }

    @Test
    void regionsAndEndpointsAreChecked() {
        assertThat(FormChecks.region("eu-west-1")).isEmpty();
        assertThat(FormChecks.region("Ireland")).isPresent();
        assertThat(FormChecks.endpoint("http://127.0.0.1:8083")).isEmpty();
        assertThat(FormChecks.endpoint("localhost:8083")).isPresent();
    }
}
