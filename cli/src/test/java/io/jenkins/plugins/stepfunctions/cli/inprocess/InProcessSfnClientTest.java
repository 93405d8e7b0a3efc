package io.jenkins.plugins.stepfunctions.cli.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.bridge.connect.Connection;
import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import io.jenkins.plugins.stepfunctions.engine.server.EngineApi;
import io.jenkins.plugins.stepfunctions.engine.server.EngineServer;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;

/** The in-process client reads and answers as the SDK does over HTTP against the same engine's server. */
class InProcessSfnClientTest {
    static final String DEFINITION = """
            {"StartAt":"Prepare","States":{
             "Prepare":{"Type":"Pass","Parameters":{"list.$":"States.ArrayRange(1, 3, 1)","text":"a \\"quoted\\" ü"},"Next":"Each"},
             "Each":{"Type":"Map","ItemsPath":"$.list","ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"One",
               "States":{"One":{"Type":"Pass","End":true}}},"ResultPath":"$.each","Next":"Decide"},
             "Decide":{"Type":"Choice","Choices":[{"Variable":"$.list[0]","NumericEquals":1,"Next":"Boom"}],"Default":"Boom"},
             "Boom":{"Type":"Fail","Error":"Custom.Error","Cause":"on purpose"}}}""";

    /** The same calls, the same names: the answers may differ only in their timestamps. */
    private static List<HistoryEvent> run(SfnClient sfn) {
        String machine = sfn.createStateMachine(b -> b.name("same").definition(DEFINITION)
                .roleArn("arn:aws:iam::123456789012:role/r")).stateMachineArn();
        String execution = sfn.startExecution(b -> b.stateMachineArn(machine).name("run-1").input("{\"x\":1.5}")).executionArn();
        for (int i = 0; i < 500 && sfn.describeExecution(b -> b.executionArn(execution)).statusAsString().equals("RUNNING"); i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return sfn.getExecutionHistoryPaginator(b -> b.executionArn(execution).maxResults(4).includeExecutionData(true))
                .events().stream().map(e -> e.toBuilder().timestamp(null).build()).toList();
    }

    @Test
    void historyReadInProcessEqualsHistoryReadOverHttpByTheSdk() throws Exception {
        List<HistoryEvent> inProcess;
        try (EngineApi api = EngineApi.start(new EngineConfig(Clock.systemUTC(), 1, null, null))) {
            inProcess = run(new InProcessSfnClient(api));
        }
        List<HistoryEvent> overHttp;
        try (EngineServer server = EngineServer.start("127.0.0.1", 0, new EngineConfig(Clock.systemUTC(), 1, null, null));
             AwsClients clients = new AwsClients(Connection.local(server.endpoint()))) {
            overHttp = run(clients.sfn());
        }

        assertThat(inProcess).hasSizeGreaterThan(10).isEqualTo(overHttp);
        assertThat(inProcess.get(inProcess.size() - 1).executionFailedEventDetails().error()).isEqualTo("Custom.Error");
    }

    @Test
    void describeAnswersAsOverHttpBesidesTimes() throws Exception {
        Function<SfnClient, Object> describe = sfn -> {
            run(sfn);
            return sfn.describeExecution(b -> b.executionArn("arn:aws:states:us-east-1:123456789012:execution:same:run-1"))
                    .toBuilder().startDate(null).stopDate(null).build();
        };
        Object inProcess;
        try (EngineApi api = EngineApi.start(new EngineConfig(Clock.systemUTC(), 1, null, null))) {
            inProcess = describe.apply(new InProcessSfnClient(api));
        }
        Object overHttp;
        try (EngineServer server = EngineServer.start("127.0.0.1", 0, new EngineConfig(Clock.systemUTC(), 1, null, null));
             AwsClients clients = new AwsClients(Connection.local(server.endpoint()))) {
            overHttp = describe.apply(clients.sfn());
        }
        // member by member (a response read over HTTP also carries the HTTP response, which equals() compares)
        assertThat(SdkJson.toJson((SdkPojo) inProcess)).isEqualTo(SdkJson.toJson((SdkPojo) overHttp));
    }

    @Test
    void errorsAreTheSdksModelledExceptionsWithTheAwsErrorCode() {
        try (EngineApi api = EngineApi.start(EngineConfig.defaults())) {
            SfnClient sfn = new InProcessSfnClient(api);
            sfn.createStateMachine(b -> b.name("twice").definition(DEFINITION).roleArn("arn:aws:iam::123456789012:role/r"));

            assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("twice").definition(DEFINITION.replace("on purpose", "x"))
                    .roleArn("arn:aws:iam::123456789012:role/r")))
                    .isInstanceOf(StateMachineAlreadyExistsException.class)
                    .satisfies(e -> assertThat(((SfnException) e).awsErrorDetails().errorCode()).isEqualTo("StateMachineAlreadyExists"));
            assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn("arn:aws:states:us-east-1:123456789012:execution:twice:nope")))
                    .isInstanceOf(ExecutionDoesNotExistException.class)
                    .satisfies(e -> assertThat(((SfnException) e).statusCode()).isEqualTo(400));
            // a code the SDK does not model: SfnException, with the code
            assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn("not-an-arn")))
                    .isInstanceOf(SfnException.class)
                    .satisfies(e -> assertThat(((SfnException) e).awsErrorDetails().errorCode()).isNotBlank());
        }
    }
}
