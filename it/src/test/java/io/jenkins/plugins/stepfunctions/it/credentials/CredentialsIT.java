package io.jenkins.plugins.stepfunctions.it.credentials;

import static io.jenkins.plugins.stepfunctions.it.harness.Consoles.groovyLiteral;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsRest;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsWithSfnLocal;
import io.jenkins.plugins.stepfunctions.it.harness.RecordingProxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An AWS credential of the aws-credentials plugin, created through the credentials store's REST endpoint as an
 * administrator's tooling would, used by {@code withStepFunctions(credentialsId:)}: every call Jenkins makes is
 * signed with its access key, its secret never shows in the console, and the credential records the build's use.
 */
class CredentialsIT {
    private static final String ACCESS_KEY = "AKIAJENKINSIT0000001";
    private static final String SECRET_KEY = "it-secret-key-never-printed-8d1f0c";

    @RegisterExtension
    static final JenkinsWithSfnLocal env = new JenkinsWithSfnLocal();

    @Test
    void theJenkinsCredentialSignsEveryCallAndItsUseIsTracked() throws Exception {
        JenkinsRest jenkins = env.rest();
        JenkinsRest.Response created = jenkins.post("credentials/store/system/domain/_/createCredentials",
                "application/xml", """
                        <com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl>
                          <scope>GLOBAL</scope>
                          <id>aws-deployer</id>
                          <description>deployer keys</description>
                          <accessKey>%s</accessKey>
                          <secretKey>%s</secretKey>
                        </com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl>
                        """.formatted(ACCESS_KEY, SECRET_KEY));
        assertThat(created.status()).as(created.body()).isEqualTo(200);

        try (RecordingProxy proxy = RecordingProxy.to(env.sfn().endpoint())) {
            String job = "deploy-with-credential";
            jenkins.createPipeline(job, """
                    withStepFunctions(region: 'us-east-1', endpoint: '%s', credentialsId: 'aws-deployer') {
                      def r = sfnExecute(stateMachine: '%s#HappyPath', input: %s, buildMetadata: false)
                      echo "RESULT status=${r.status}"
                    }
                    """.formatted(proxy.endpoint(), env.stateMachineArn("blue-green"),
                    groovyLiteral(env.examples().example("blue-green").input())));

            int build = jenkins.build(job);

            assertThat(jenkins.awaitResult(job, build, Duration.ofMinutes(2))).as(jenkins.console(job, build))
                    .isEqualTo("SUCCESS");
            assertThat(proxy.authorizations()).isNotEmpty()
                    .allSatisfy(a -> assertThat(a).contains("Credential=" + ACCESS_KEY + "/"));
            assertThat(jenkins.console(job, build)).doesNotContain(SECRET_KEY).contains("RESULT status=SUCCEEDED");
            JsonNode usage = jenkins.json("credentials/store/system/domain/_/credential/aws-deployer/api/json"
                    + "?tree=fingerprint[usage[name]]").path("fingerprint").path("usage");
            assertThat(usage.toString()).as("CredentialsProvider.track recorded the build").contains(job);
        }
    }
}
