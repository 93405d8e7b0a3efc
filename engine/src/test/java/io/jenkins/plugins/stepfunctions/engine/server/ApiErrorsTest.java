package io.jenkins.plugins.stepfunctions.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** Errors a caller can cause, as the SDK sees them: AWS's exception types and messages that say what to fix. */
class ApiErrorsTest {
    private static final String SM_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:Missing";
    private final TestEngine running = TestEngine.startServer();
    private final SfnClient sfn = running.sfn();

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void malformedArnIsInvalidArnShowingAGoodOne() {
        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn("not-an-arn")))
                .isInstanceOf(InvalidArnException.class)
                .hasMessageContaining("not-an-arn")
                .hasMessageContaining("arn:aws:states:us-east-1:123456789012:stateMachine:Name");
    }

    @Test
    void arnOfTheWrongResourceTypeIsInvalidArn() {
        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(
                "arn:aws:states:us-east-1:123456789012:activity:Approve")))
                .isInstanceOf(InvalidArnException.class)
                .hasMessageContaining("Resource type not valid in this context: activity");
    }

    @Test
    void unknownStateMachineIsStateMachineDoesNotExist() {
        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(SM_ARN)))
                .isInstanceOf(StateMachineDoesNotExistException.class)
                .hasMessageContaining(SM_ARN);
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(SM_ARN)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.listExecutions(b -> b.stateMachineArn(SM_ARN)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }

    @Test
    void unknownExecutionIsExecutionDoesNotExist() {
        String arn = "arn:aws:states:us-east-1:123456789012:execution:Missing:run-1";
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(arn)))
                .isInstanceOf(ExecutionDoesNotExistException.class).hasMessageContaining(arn);
        assertThatThrownBy(() -> sfn.getExecutionHistory(b -> b.executionArn(arn)))
                .isInstanceOf(ExecutionDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.stopExecution(b -> b.executionArn(arn)))
                .isInstanceOf(ExecutionDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.describeStateMachineForExecution(b -> b.executionArn(arn)))
                .isInstanceOf(ExecutionDoesNotExistException.class);
    }

    @Test
    void unknownActivityIsActivityDoesNotExist() {
        String arn = "arn:aws:states:us-east-1:123456789012:activity:Missing";
        assertThatThrownBy(() -> sfn.describeActivity(b -> b.activityArn(arn)))
                .isInstanceOf(ActivityDoesNotExistException.class).hasMessageContaining("CreateActivity");
        assertThatThrownBy(() -> sfn.getActivityTask(b -> b.activityArn(arn)))
                .isInstanceOf(ActivityDoesNotExistException.class);
    }

    @Test
    void missingRequiredMemberIsValidationExceptionNamingIt() {
        assertThatThrownBy(() -> sfn.describeExecution(b -> { }))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'executionArn'")
                .hasMessageContaining("must not be null");
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("Deploy").roleArn("arn:aws:iam::123456789012:role/r")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'definition'");
    }

    @Test
    void maxResultsAboveTheLimitIsValidationException() {
        assertThatThrownBy(() -> sfn.listStateMachines(b -> b.maxResults(1001)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("maxResults")
                .hasMessageContaining("1000");
    }

    @Test
    void invalidNameIsInvalidNameSayingWhichCharacter() {
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("deploy prod").definition("{}")
                .roleArn("arn:aws:iam::123456789012:role/r")))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("whitespace");
        assertThatThrownBy(() -> sfn.createActivity(b -> b.name("a".repeat(81))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("80");
        assertThatThrownBy(() -> sfn.createActivity(b -> b.name("approve#1")))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("'#'");
    }

    @Test
    void roleThatIsNotAnIamRoleArnIsInvalidArn() {
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("Deploy").definition("{}").roleArn("admin")))
                .isInstanceOf(InvalidArnException.class)
                .hasMessageContaining("IAM role ARN");
    }

    @Test
    void madeUpNextTokenIsInvalidToken() {
        assertThatThrownBy(() -> sfn.listStateMachines(b -> b.nextToken("bm9wZQ")))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("nextToken");
    }

    @Test
    void everyErrorResponseCarriesTheRequestsStatus() {
        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(SM_ARN)))
                .isInstanceOfSatisfying(StateMachineDoesNotExistException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
    }
}
