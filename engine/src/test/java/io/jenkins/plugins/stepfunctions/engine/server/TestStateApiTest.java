package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.Definitions.ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.InspectionData;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateRequest;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;

/**
 * TestState through the AWS SDK: one state run once with its data flow shown stage by stage, Retry
 * and Catch reported instead of followed, and requests refused as AWS refuses them. Where AWS's own
 * answers are known (recorded against AWS in LocalStack's TestState snapshots), the same definitions
 * and inputs are asserted against them.
 */
class TestStateApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAMBDA = "arn:aws:states:::lambda:invoke";
    private static TestEngine running;

    @BeforeAll
    static void start() {
        running = TestEngine.startServer();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static TestStateResponse test(Consumer<TestStateRequest.Builder> request) {
        return running.sfn().testState(request);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Test
    void passStateAtDebugShowsTheValueAfterEveryDataFlowStage() {
        // AWS's recorded answer for this state and input (IO_PASS_STATE, DEBUG)
        TestStateResponse r = test(b -> b.definition("""
                        {"Type": "Pass", "InputPath": "$.initialData",
                         "Parameters": {"staticValue": "some value", "inputValue.$": "$.fieldFromInput"},
                         "ResultPath": "$.modifiedData", "End": true}""")
                .input("""
                        {"initialData": {"fieldFromInput": "value from input", "otherField": "other"},
                         "unrelatedData": {"someOtherField": 1234}}""")
                .inspectionLevel(InspectionLevel.DEBUG));
        assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(r.nextState()).isNull();
        InspectionData d = r.inspectionData();
        assertThat(json(d.input())).isEqualTo(json("""
                {"initialData": {"fieldFromInput": "value from input", "otherField": "other"},
                 "unrelatedData": {"someOtherField": 1234}}"""));
        assertThat(json(d.afterInputPath())).isEqualTo(json("""
                {"fieldFromInput": "value from input", "otherField": "other"}"""));
        assertThat(json(d.afterParameters())).isEqualTo(json("""
                {"staticValue": "some value", "inputValue": "value from input"}"""));
        assertThat(json(d.afterResultSelector())).isEqualTo(json(d.afterParameters()));
        assertThat(d.result()).isNull();
        JsonNode expected = json("""
                {"initialData": {"fieldFromInput": "value from input", "otherField": "other"},
                 "unrelatedData": {"someOtherField": 1234},
                 "modifiedData": {"staticValue": "some value", "inputValue": "value from input"}}""");
        assertThat(json(d.afterResultPath())).isEqualTo(expected);
        assertThat(json(r.output())).isEqualTo(expected);
    }

    @Test
    void passStateWithResultShowsTheResultInsteadOfInputPathAndParameters() {
        // AWS's recorded answer (BASE_RESULT_PASS_STATE, DEBUG)
        TestStateResponse r = test(b -> b.definition("""
                        {"Type": "Pass", "Result": {"resultKey": "result value"}, "End": true}""")
                .input("{\"Value\": \"HelloWorld\"}").inspectionLevel(InspectionLevel.DEBUG));
        InspectionData d = r.inspectionData();
        assertThat(d.afterInputPath()).isNull();
        assertThat(d.afterParameters()).isNull();
        assertThat(json(d.result())).isEqualTo(json("{\"resultKey\": \"result value\"}"));
        assertThat(json(d.afterResultSelector())).isEqualTo(json("{\"resultKey\": \"result value\"}"));
        assertThat(json(d.afterResultPath())).isEqualTo(json("{\"resultKey\": \"result value\"}"));
        assertThat(json(r.output())).isEqualTo(json("{\"resultKey\": \"result value\"}"));
    }

    @Test
    void infoLevelAnswersWithoutInspectionData() {
        TestStateResponse r = test(b -> b.definition("{\"Type\": \"Pass\", \"End\": true}")
                .input("{\"Value\": \"HelloWorld\"}"));
        assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(json(r.output())).isEqualTo(json("{\"Value\": \"HelloWorld\"}"));
        assertThat(r.inspectionData()).isNull();
    }

    @Test
    void choiceStateAnswersWithTheStateItWouldGoTo() {
        // AWS's recorded answer (BASE_CHOICE_STATE, DEBUG): nextState, output and the value after InputPath
        String choice = """
                {"Type": "Choice", "Choices": [
                  {"And": [{"Variable": "$.value", "IsPresent": true}, {"Variable": "$.value", "IsNumeric": true},
                           {"Variable": "$.value", "NumericGreaterThanEquals": 20},
                           {"Variable": "$.value", "NumericLessThan": 30}], "Next": "ValueInTwenties"}],
                 "Default": "DefaultState"}""";
        TestStateResponse r = test(b -> b.definition(choice).input("{\"type\": \"Private\", \"value\": 22}")
                .inspectionLevel(InspectionLevel.DEBUG));
        assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(r.nextState()).isEqualTo("ValueInTwenties");
        assertThat(json(r.output())).isEqualTo(json("{\"type\": \"Private\", \"value\": 22}"));
        assertThat(json(r.inspectionData().afterInputPath())).isEqualTo(json("{\"type\": \"Private\", \"value\": 22}"));

        TestStateResponse other = test(b -> b.definition(choice).input("{\"value\": 35}"));
        assertThat(other.nextState()).isEqualTo("DefaultState");
    }

    @Test
    void failStateAnswersWithItsErrorAndCause() {
        // AWS's recorded answer (BASE_FAIL_STATE): FAILED, no output
        TestStateResponse r = test(b -> b.definition("""
                        {"Type": "Fail", "Error": "SomeFailure",
                         "Cause": "This state machines raises a 'SomeFailure' failure."}""")
                .input("{\"Value\": \"HelloWorld\"}").inspectionLevel(InspectionLevel.DEBUG));
        assertThat(r.status()).isEqualTo(TestExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("SomeFailure");
        assertThat(r.cause()).isEqualTo("This state machines raises a 'SomeFailure' failure.");
        assertThat(r.output()).isNull();
        assertThat(json(r.inspectionData().afterInputPath())).isEqualTo(json("{\"Value\": \"HelloWorld\"}"));
    }

    @Test
    void succeedStateAnswersWithItsOutput() {
        TestStateResponse r = test(b -> b.definition("{\"Type\": \"Succeed\", \"OutputPath\": \"$.keep\"}")
                .input("{\"keep\": {\"a\": 1}, \"drop\": 2}"));
        assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(json(r.output())).isEqualTo(json("{\"a\": 1}"));
    }

    @Test
    void waitStateAnswersAtOnceWithTheStateItWouldGoTo() {
        Instant before = Instant.now();
        TestStateResponse r = test(b -> b.definition("{\"Type\": \"Wait\", \"Seconds\": 3600, \"Next\": \"After\"}"));
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(r.nextState()).isEqualTo("After");
    }

    @Test
    void taskWithAMockedResultGoesThroughResultSelectorAndResultPath() {
        TestStateResponse r = test(b -> b.definition("""
                        {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                         "InputPath": "$.request",
                         "Parameters": {"FunctionName": "greet", "Payload.$": "$"},
                         "ResultSelector": {"greeting.$": "$.Payload.text"},
                         "ResultPath": "$.answer", "Next": "Deliver"}""")
                .input("{\"request\": {\"name\": \"Ada\"}}")
                .mock(m -> m.result("{\"StatusCode\": 200, \"Payload\": {\"text\": \"Hello Ada\"}}"))
                .inspectionLevel(InspectionLevel.DEBUG));
        assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(r.nextState()).isEqualTo("Deliver");
        InspectionData d = r.inspectionData();
        assertThat(json(d.afterInputPath())).isEqualTo(json("{\"name\": \"Ada\"}"));
        assertThat(json(d.afterParameters())).isEqualTo(json("{\"FunctionName\": \"greet\", \"Payload\": {\"name\": \"Ada\"}}"));
        assertThat(json(d.result())).isEqualTo(json("{\"StatusCode\": 200, \"Payload\": {\"text\": \"Hello Ada\"}}"));
        assertThat(json(d.afterResultSelector())).isEqualTo(json("{\"greeting\": \"Hello Ada\"}"));
        JsonNode expected = json("{\"request\": {\"name\": \"Ada\"}, \"answer\": {\"greeting\": \"Hello Ada\"}}");
        assertThat(json(d.afterResultPath())).isEqualTo(expected);
        assertThat(json(r.output())).isEqualTo(expected);
    }

    private static final String TASK_WITH_RETRY_AND_CATCH = """
            {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
             "Parameters": {"FunctionName": "foo", "Payload": "bar"},
             "Retry": [{"ErrorEquals": ["Throttled"], "IntervalSeconds": 2, "BackoffRate": 3, "MaxAttempts": 2}],
             "Catch": [{"ErrorEquals": ["MockException"], "ResultPath": "$.error", "Next": "HandleMockError"},
                       {"ErrorEquals": ["States.ALL"], "Next": "HandleOthers"}],
             "End": true}""";

    @Test
    void mockedErrorCaughtByACatcherAnswersCaughtErrorWithTheCatchersNextState() {
        TestStateResponse r = test(b -> b.definition(TASK_WITH_RETRY_AND_CATCH)
                .input("{\"Value\": \"HelloWorld\"}")
                .mock(m -> m.errorOutput(e -> e.error("MockException").cause("Mock the cause of the error.")))
                .inspectionLevel(InspectionLevel.DEBUG));
        assertThat(r.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
        assertThat(r.error()).isEqualTo("MockException");
        assertThat(r.cause()).isEqualTo("Mock the cause of the error.");
        assertThat(r.nextState()).isEqualTo("HandleMockError");
        assertThat(json(r.output())).isEqualTo(json("""
                {"Value": "HelloWorld", "error": {"Error": "MockException", "Cause": "Mock the cause of the error."}}"""));
        assertThat(r.inspectionData().errorDetails().catchIndex()).isZero();
        assertThat(r.inspectionData().errorDetails().retryIndex()).isNull();

        TestStateResponse other = test(b -> b.definition(TASK_WITH_RETRY_AND_CATCH)
                .mock(m -> m.errorOutput(e -> e.error("States.TaskFailed").cause("The task failed.")))
                .inspectionLevel(InspectionLevel.DEBUG));
        assertThat(other.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
        assertThat(other.nextState()).isEqualTo("HandleOthers");
        assertThat(other.inspectionData().errorDetails().catchIndex()).isEqualTo(1);
        assertThat(json(other.output())).isEqualTo(json("{\"Error\": \"States.TaskFailed\", \"Cause\": \"The task failed.\"}"));
    }

    @Test
    void mockedErrorMatchingARetrierWithAttemptsLeftAnswersRetriable() {
        TestStateResponse first = test(b -> b.definition(TASK_WITH_RETRY_AND_CATCH)
                .mock(m -> m.errorOutput(e -> e.error("Throttled").cause("slow down")))
                .inspectionLevel(InspectionLevel.DEBUG));
        assertThat(first.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
        assertThat(first.error()).isEqualTo("Throttled");
        assertThat(first.cause()).isEqualTo("slow down");
        assertThat(first.nextState()).isNull();
        assertThat(first.output()).isNull();
        assertThat(first.inspectionData().errorDetails().retryIndex()).isZero();
        assertThat(first.inspectionData().errorDetails().retryBackoffIntervalSeconds()).isEqualTo(2);

        // the second retry waits IntervalSeconds x BackoffRate
        TestStateResponse second = test(b -> b.definition(TASK_WITH_RETRY_AND_CATCH)
                .mock(m -> m.errorOutput(e -> e.error("Throttled").cause("slow down")))
                .stateConfiguration(c -> c.retrierRetryCount(1))
                .inspectionLevel(InspectionLevel.DEBUG));
        assertThat(second.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
        assertThat(second.inspectionData().errorDetails().retryBackoffIntervalSeconds()).isEqualTo(6);

        // retries used up: the catchers decide
        TestStateResponse exhausted = test(b -> b.definition(TASK_WITH_RETRY_AND_CATCH)
                .mock(m -> m.errorOutput(e -> e.error("Throttled").cause("slow down")))
                .stateConfiguration(c -> c.retrierRetryCount(2)));
        assertThat(exhausted.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
        assertThat(exhausted.nextState()).isEqualTo("HandleOthers");
    }

    @Test
    void mockedErrorNoRetrierOrCatcherMatchesAnswersFailed() {
        TestStateResponse r = test(b -> b.definition("""
                        {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                         "Parameters": {"FunctionName": "foo"}, "End": true}""")
                .mock(m -> m.errorOutput(e -> e.error("Lambda.ServiceException").cause("boom"))));
        assertThat(r.status()).isEqualTo(TestExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("Lambda.ServiceException");
        assertThat(r.cause()).isEqualTo("boom");
    }

    @Test
    void jsonataTaskShowsArgumentsResultAndVariables() {
        TestStateResponse r = test(b -> b.definition("""
                        {"Type": "Task", "QueryLanguage": "JSONata", "Resource": "arn:aws:states:::lambda:invoke",
                         "Arguments": {"FunctionName": "foo", "Payload": "{% $states.input.who & ' at ' & $site %}"},
                         "Assign": {"greeted": "{% $states.result.Payload %}"},
                         "Output": {"said": "{% $states.result.Payload %}", "count": "{% $count + 1 %}"},
                         "Next": "Done"}""")
                .input("{\"who\": \"Ada\"}")
                .variables("{\"site\": \"Ghent\", \"count\": 41}")
                .mock(m -> m.result("{\"Payload\": \"hello Ada at Ghent\"}"))
                .inspectionLevel(InspectionLevel.DEBUG));
        assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(r.nextState()).isEqualTo("Done");
        assertThat(json(r.output())).isEqualTo(json("{\"said\": \"hello Ada at Ghent\", \"count\": 42}"));
        InspectionData d = r.inspectionData();
        assertThat(json(d.afterArguments())).isEqualTo(json("{\"FunctionName\": \"foo\", \"Payload\": \"Ada at Ghent\"}"));
        assertThat(json(d.result())).isEqualTo(json("{\"Payload\": \"hello Ada at Ghent\"}"));
        assertThat(d.afterInputPath()).isNull();
        assertThat(d.afterParameters()).isNull();
        assertThat(json(d.variables())).isEqualTo(json("""
                {"site": "Ghent", "count": 41, "greeted": "hello Ada at Ghent"}"""));
    }

    @Test
    void jsonataPassStateReadsTheContextTheCallerGives() {
        TestStateResponse r = test(b -> b.definition("""
                        {"Type": "Pass", "QueryLanguage": "JSONata",
                         "Output": {"state": "{% $states.context.State.Name %}",
                                    "execution": "{% $states.context.Execution.Name %}"},
                         "End": true}""")
                .context("{\"Execution\": {\"Name\": \"my-run\"}}"));
        assertThat(json(r.output())).isEqualTo(json("{\"state\": \"StateName\", \"execution\": \"my-run\"}"));
    }

    @Test
    void stateNamePicksOneStateOfAWholeStateMachine() {
        String machine = """
                {"StartAt": "State0", "States": {
                  "State0": {"Type": "Pass", "Next": "State1"},
                  "State1": {"Type": "Fail", "Error": "SomeFailure", "Cause": "because"}}}""";
        // AWS's recorded answers (test_base_state_name_multi_state)
        TestStateResponse first = test(b -> b.definition(machine).stateName("State0").input("{\"Value\": \"HelloWorld\"}"));
        assertThat(first.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(first.nextState()).isEqualTo("State1");
        TestStateResponse second = test(b -> b.definition(machine).stateName("State1"));
        assertThat(second.status()).isEqualTo(TestExecutionStatus.FAILED);
        assertThat(second.error()).isEqualTo("SomeFailure");
        assertThatThrownBy(() -> test(b -> b.definition(machine).stateName("Nowhere")))
                .isInstanceOf(SfnException.class)
                .hasMessageContaining("State not found in definition")
                .satisfies(e -> assertThat(((SfnException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"));
    }

    @Test
    void invalidDefinitionIsRefusedWithTheProblemAndItsLocation() {
        assertThatThrownBy(() -> test(b -> b.definition("{\"Type\": \"Pass\", \"Bogus\": 1, \"End\": true}")))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("/Bogus")
                .hasMessageContaining("Field 'Bogus' is not supported by Pass states");
        assertThatThrownBy(() -> test(b -> b.definition("{\"Type\": \"Pass\"")))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> test(b -> b.definition("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}")))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("stateName");
    }

    @Test
    void mapAndParallelStatesAreRefusedWithoutAMockAsAwsRefusesThem() {
        String parallel = """
                {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
                  {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}]}""";
        assertThatThrownBy(() -> test(b -> b.definition(parallel)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("TestState API does not support Map or Parallel states. Supported state types "
                        + "include: [Task, Wait, Pass, Succeed, Fail, Choice]");
        assertThatThrownBy(() -> test(b -> b.definition(parallel).mock(m -> m.result("[1]"))))
                .hasMessageContaining("Mocked result must contain the same number of items as number of Parallel branches.");
        TestStateResponse mocked = test(b -> b.definition(parallel).mock(m -> m.result("[{\"a\": 1}, {\"b\": 2}]")));
        assertThat(mocked.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(json(mocked.output())).isEqualTo(json("[{\"a\": 1}, {\"b\": 2}]"));
    }

    @Test
    void mocksAreRefusedAsAwsRefusesThem() {
        assertThatThrownBy(() -> test(b -> b.definition("{\"Type\": \"Pass\", \"End\": true}").mock(m -> m.result("{}"))))
                .hasMessageContaining("State type 'Pass' is not supported when a mock is specified");
        String task = "{\"Type\": \"Task\", \"Resource\": \"" + LAMBDA + "\", \"End\": true}";
        assertThatThrownBy(() -> test(b -> b.definition(task)
                .mock(m -> m.result("{}").errorOutput(e -> e.error("E")))))
                .hasMessageContaining("A test mock should have only one of the following fields: [result, errorOutput].");
        assertThatThrownBy(() -> test(b -> b.definition(task).revealSecrets(true).mock(m -> m.result("{}"))))
                .hasMessageContaining("TestState does not support RevealSecrets when a mock is specified.");
        assertThatThrownBy(() -> test(b -> b.definition(task).mock(m -> m.result("{not json"))))
                .hasMessageContaining("Mocked result must be valid JSON");
    }

    @Test
    void taskWithoutAMockNeedsARoleAndSaysHowToMockWhatTheEngineDoesNotCall() {
        String task = "{\"Type\": \"Task\", \"Resource\": \"" + LAMBDA + "\", \"End\": true}";
        assertThatThrownBy(() -> test(b -> b.definition(task)))
                .hasMessageContaining("RoleArn must be specified when testing a Task state");
        TestStateResponse r = test(b -> b.definition(task).roleArn(ROLE));
        assertThat(r.status()).isEqualTo(TestExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("\"mock\"");
        String callback = "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::sqs:sendMessage.waitForTaskToken\", "
                + "\"End\": true}";
        assertThatThrownBy(() -> test(b -> b.definition(callback).roleArn(ROLE)))
                .hasMessageContaining("only with a mock");
        TestStateResponse mocked = test(b -> b.definition(callback).mock(m -> m.result("{\"done\": true}")));
        assertThat(json(mocked.output())).isEqualTo(json("{\"done\": true}"));
    }

    @Test
    void httpTaskAtTraceShowsTheRequestAndResponse() throws IOException {
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/approval", x -> {
            byte[] body = "{\"approval\": true}".getBytes(StandardCharsets.UTF_8);
            x.getRequestBody().readAllBytes();
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        stub.start();
        try {
            String url = "http://127.0.0.1:" + stub.getAddress().getPort() + "/approval";
            TestStateResponse r = test(b -> b.definition("""
                            {"Type": "Task", "Resource": "arn:aws:states:::http:invoke",
                             "Parameters": {"ApiEndpoint": "%s", "Method": "POST", "RequestBody": {"cost": 10},
                               "Authentication": {"ConnectionArn": "arn:aws:events:us-east-1:123456789012:connection/c/1"}},
                             "ResultSelector": {"approval.$": "$.ResponseBody.approval"},
                             "Next": "Check Approval"}""".formatted(url))
                    .roleArn(ROLE).inspectionLevel(InspectionLevel.TRACE));
            assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
            assertThat(json(r.output())).isEqualTo(json("{\"approval\": true}"));
            assertThat(r.inspectionData().request().method()).isEqualTo("POST");
            assertThat(r.inspectionData().request().url()).isEqualTo(url);
            assertThat(json(r.inspectionData().request().body())).isEqualTo(json("{\"cost\": 10}"));
            assertThat(r.inspectionData().response().statusCode()).isEqualTo("200");
            assertThat(json(r.inspectionData().response().body())).isEqualTo(json("{\"approval\": true}"));

            TestStateResponse debug = test(b -> b.definition("""
                            {"Type": "Task", "Resource": "arn:aws:states:::http:invoke",
                             "Parameters": {"ApiEndpoint": "%s", "Method": "GET",
                               "Authentication": {"ConnectionArn": "arn:aws:events:us-east-1:123456789012:connection/c/1"}},
                             "End": true}""".formatted(url))
                    .roleArn(ROLE).inspectionLevel(InspectionLevel.DEBUG));
            assertThat(debug.inspectionData().request()).isNull();
        } finally {
            stub.stop(0);
        }
    }
}
