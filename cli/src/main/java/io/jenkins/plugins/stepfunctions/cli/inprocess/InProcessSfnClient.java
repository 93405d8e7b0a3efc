package io.jenkins.plugins.stepfunctions.cli.inprocess;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.ApiException;
import io.jenkins.plugins.stepfunctions.engine.server.EngineApi;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.SfnServiceClientConfiguration;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DeleteStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.DeleteStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionRequest;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineAliasRequest;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineAliasResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineForExecutionRequest;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineForExecutionResponse;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskRequest;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryRequest;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.ListExecutionsRequest;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesRequest;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.PublishStateMachineVersionRequest;
import software.amazon.awssdk.services.sfn.model.PublishStateMachineVersionResponse;
import software.amazon.awssdk.services.sfn.model.RedriveExecutionRequest;
import software.amazon.awssdk.services.sfn.model.RedriveExecutionResponse;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureResponse;
import software.amazon.awssdk.services.sfn.model.SendTaskHeartbeatRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskHeartbeatResponse;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessResponse;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StopExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StopExecutionResponse;
import software.amazon.awssdk.services.sfn.model.UpdateStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.UpdateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionRequest;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.SfnRequest;

/**
 * An {@link SfnClient} whose calls go to the embedded engine of this process ({@link EngineApi}): the same
 * requests, responses and errors as over HTTP against {@code sfn local}, without the SDK's client, its HTTP
 * stack, a socket or a server. The operations the command line uses are answered by the engine's operation of
 * the same name (the interface's own default methods, paginators and consumer-builder forms, work on top); the
 * others throw {@link UnsupportedOperationException} as the interface does. Errors are the SDK's modelled
 * exceptions ({@code ExecutionAlreadyExistsException} ...) with the AWS error code in {@link AwsErrorDetails},
 * as the SDK builds them from an error response.
 *
 * <p>A class, not a {@link java.lang.reflect.Proxy}: a proxy of the interface loads every request and response
 * class of the service when it is created, some 350 classes that a run never uses.
 */
public final class InProcessSfnClient implements SfnClient {
    private static final String MODEL_PACKAGE = SfnException.class.getPackageName() + ".";
    private final EngineApi api;

    public InProcessSfnClient(EngineApi api) {
        this.api = api;
    }

    @Override
    public CreateStateMachineResponse createStateMachine(CreateStateMachineRequest request) {
        return call("CreateStateMachine", request, CreateStateMachineResponse.builder());
    }

    @Override
    public UpdateStateMachineResponse updateStateMachine(UpdateStateMachineRequest request) {
        return call("UpdateStateMachine", request, UpdateStateMachineResponse.builder());
    }

    @Override
    public DescribeStateMachineResponse describeStateMachine(DescribeStateMachineRequest request) {
        return call("DescribeStateMachine", request, DescribeStateMachineResponse.builder());
    }

    @Override
    public ListStateMachinesResponse listStateMachines(ListStateMachinesRequest request) {
        return call("ListStateMachines", request, ListStateMachinesResponse.builder());
    }

    @Override
    public DeleteStateMachineResponse deleteStateMachine(DeleteStateMachineRequest request) {
        return call("DeleteStateMachine", request, DeleteStateMachineResponse.builder());
    }

    @Override
    public StartExecutionResponse startExecution(StartExecutionRequest request) {
        return call("StartExecution", request, StartExecutionResponse.builder());
    }

    @Override
    public DescribeExecutionResponse describeExecution(DescribeExecutionRequest request) {
        return call("DescribeExecution", request, DescribeExecutionResponse.builder());
    }

    @Override
    public StopExecutionResponse stopExecution(StopExecutionRequest request) {
        return call("StopExecution", request, StopExecutionResponse.builder());
    }

    @Override
    public RedriveExecutionResponse redriveExecution(RedriveExecutionRequest request) {
        return call("RedriveExecution", request, RedriveExecutionResponse.builder());
    }

    @Override
    public ListExecutionsResponse listExecutions(ListExecutionsRequest request) {
        return call("ListExecutions", request, ListExecutionsResponse.builder());
    }

    @Override
    public GetExecutionHistoryResponse getExecutionHistory(GetExecutionHistoryRequest request) {
        return call("GetExecutionHistory", request, GetExecutionHistoryResponse.builder());
    }

    @Override
    public DescribeStateMachineForExecutionResponse describeStateMachineForExecution(DescribeStateMachineForExecutionRequest request) {
        return call("DescribeStateMachineForExecution", request, DescribeStateMachineForExecutionResponse.builder());
    }

    @Override
    public SendTaskSuccessResponse sendTaskSuccess(SendTaskSuccessRequest request) {
        return call("SendTaskSuccess", request, SendTaskSuccessResponse.builder());
    }

    @Override
    public SendTaskFailureResponse sendTaskFailure(SendTaskFailureRequest request) {
        return call("SendTaskFailure", request, SendTaskFailureResponse.builder());
    }

    @Override
    public SendTaskHeartbeatResponse sendTaskHeartbeat(SendTaskHeartbeatRequest request) {
        return call("SendTaskHeartbeat", request, SendTaskHeartbeatResponse.builder());
    }

    @Override
    public GetActivityTaskResponse getActivityTask(GetActivityTaskRequest request) {
        return call("GetActivityTask", request, GetActivityTaskResponse.builder());
    }

    @Override
    public ValidateStateMachineDefinitionResponse validateStateMachineDefinition(ValidateStateMachineDefinitionRequest request) {
        return call("ValidateStateMachineDefinition", request, ValidateStateMachineDefinitionResponse.builder());
    }

    @Override
    public DescribeStateMachineAliasResponse describeStateMachineAlias(DescribeStateMachineAliasRequest request) {
        return call("DescribeStateMachineAlias", request, DescribeStateMachineAliasResponse.builder());
    }

    @Override
    public PublishStateMachineVersionResponse publishStateMachineVersion(PublishStateMachineVersionRequest request) {
        return call("PublishStateMachineVersion", request, PublishStateMachineVersionResponse.builder());
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public SfnServiceClientConfiguration serviceClientConfiguration() {
        throw new UnsupportedOperationException("the in-process client has no SDK configuration");
    }

    @Override
    public void close() {
        // the engine belongs to whoever started it
    }

    private <T> T call(String operation, SfnRequest request, SdkPojo responseBuilder) {
        ObjectNode response;
        try {
            response = api.call(operation, SdkJson.toJson(request));
        } catch (ApiException e) {
            throw error(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.builder().message(operation + " was interrupted").cause(e).build();
        }
        return SdkJson.fromJson(responseBuilder, response);
    }

    /** The exception the SDK throws for this error response: the modelled one for its code, else SfnException. */
    static AwsServiceException error(ApiException e) {
        String code = e.type();
        AwsServiceException.Builder builder;
        try {
            Class<?> modelled = Class.forName(MODEL_PACKAGE + (code.endsWith("Exception") ? code : code + "Exception"));
            builder = SfnException.class.isAssignableFrom(modelled)
                    ? (AwsServiceException.Builder) modelled.getMethod("builder").invoke(null) : SfnException.builder();
        } catch (ReflectiveOperationException notModelled) {
            builder = SfnException.builder();
        }
        return builder.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(e.getMessage())
                        .serviceName("SFN").build())
                .statusCode(e.httpStatus()).message(e.getMessage()).build();
    }
}
