package io.jenkins.plugins.stepfunctions.bridge.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.bridge.BridgeException;
import io.jenkins.plugins.stepfunctions.bridge.EngineFixture;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** The one classification of call failures that the CLI and the Jenkins steps word in their own terms. */
class CallFailureTest {

    @Test
    void anAwsErrorFromTheEngineKeepsItsCodeAndMessage() throws Exception {
        try (EngineFixture engine = new EngineFixture()) {
            Exception thrown = null;
            try {
                engine.clients.sfn().describeExecution(b -> b.executionArn(
                        "arn:aws:states:us-east-1:123456789012:execution:none:none"));
            } catch (Exception e) {
                thrown = e;
            }

            CallFailure failure = CallFailure.of(new CompletionException(thrown));

            assertThat(failure.kind()).isEqualTo(CallFailure.Kind.SERVICE);
            assertThat(failure.errorCode()).isEqualTo("ExecutionDoesNotExist");
            assertThat(failure.message()).startsWith("ExecutionDoesNotExist: ");
        }
    }

    @Test
    void anHttpAnswerWithoutAnErrorCodeIsNotStepFunctions() {
        SfnException notSfn = (SfnException) SfnException.builder().statusCode(404)
                .awsErrorDetails(AwsErrorDetails.builder().build()).build();

        CallFailure failure = CallFailure.of(notSfn);

        assertThat(failure.kind()).isEqualTo(CallFailure.Kind.NOT_STEP_FUNCTIONS);
        assertThat(failure.message()).contains("HTTP 404", "not a Step Functions endpoint");
    }

    @Test
    void aClosedPortIsUnreachableAndAnEmptyCredentialChainIsOneLine() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Exception refused = null;
        try (AwsClients clients = new AwsClients(new Connection("us-east-1", URI.create("http://127.0.0.1:" + port),
                CredentialsSpec.StaticKeys.of("AKIAFAKE", "secret"), null))) {
            clients.sfnNoRetry().listStateMachines(b -> { });
        } catch (Exception e) {
            refused = e;
        }
        SdkClientException noCredentials = SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain(...): "
                + "[SystemPropertyCredentialsProvider(): Unable to load credentials ...]");

        assertThat(CallFailure.of(refused).kind()).isEqualTo(CallFailure.Kind.UNREACHABLE);
        assertThat(CallFailure.of(refused).message()).startsWith("cannot reach Step Functions: ");
        assertThat(CallFailure.of(noCredentials).kind()).isEqualTo(CallFailure.Kind.NO_CREDENTIALS);
        assertThat(CallFailure.of(noCredentials).message()).isEqualTo("no AWS credentials found: none in the environment,"
                + " system properties, web identity token, ~/.aws profile, container or instance role");
    }

    @Test
    void aBridgeExceptionIsTheUsersMistakeWithItsFieldAndADefectIsUnexpected() {
        CallFailure input = CallFailure.of(new BridgeException("InvalidName", "executionName", "too long", "shorten it"));
        CallFailure defect = CallFailure.of(new CompletionException(new IllegalStateException("bug")));

        assertThat(input.kind()).isEqualTo(CallFailure.Kind.USER_INPUT);
        assertThat(input.errorCode()).isEqualTo("InvalidName");
        assertThat(input.message()).isEqualTo("executionName: too long; shorten it");
        assertThat(defect.kind()).isEqualTo(CallFailure.Kind.UNEXPECTED);
        assertThat(CallFailure.unwrap(new CompletionException(new IllegalStateException("bug"))))
                .isInstanceOf(IllegalStateException.class);
    }
}
