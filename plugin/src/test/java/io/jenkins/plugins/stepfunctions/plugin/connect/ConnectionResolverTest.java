package io.jenkins.plugins.stepfunctions.plugin.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import io.jenkins.plugins.stepfunctions.bridge.connect.Connection;
import io.jenkins.plugins.stepfunctions.bridge.connect.CredentialsSpec;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeJenkinsServices;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connection settings to the bridge's Connection, with the fake services' one credential. */
class ConnectionResolverTest {
    private final FakeJenkinsServices services = new FakeJenkinsServices(Path.of("."));
    private final ConnectionResolver resolver = new ConnectionResolver(services);

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void theRegionComesFromTheSettingsElseFromTheBuildEnvironment() throws Exception {
        services.allowing(new SecurityPolicy(true, false));
        EnvVars env = new EnvVars();
        env.put("AWS_DEFAULT_REGION", "ap-southeast-2");

        assertThat(resolver.resolve(StepFunctionsSettings.none(), env, null).region()).isEqualTo("ap-southeast-2");
        assertThat(resolver.resolve(new StepFunctionsSettings("eu-west-1", null, null, null, null), env, null).region())
                .isEqualTo("eu-west-1");
    }

    @Test
    void aCredentialGivesStaticKeysAndARoleIsAssumedWithASessionNamedAfterTheBuild() throws Exception {
        EnvVars env = new EnvVars();
        env.put("JOB_NAME", "shop/deploy prod");
        env.put("BUILD_NUMBER", "12");

        Connection connection = resolver.resolve(new StepFunctionsSettings("eu-west-1", FakeJenkinsServices.CREDENTIALS_ID,
                "arn:aws:iam::123456789012:role/deployer", "ext-1", null), env, null);

        assertThat(connection.credentials()).isInstanceOf(CredentialsSpec.StaticKeys.class);
        assertThat(connection.role().roleArn()).isEqualTo("arn:aws:iam::123456789012:role/deployer");
        assertThat(connection.role().externalId()).isEqualTo("ext-1");
        assertThat(connection.role().sessionName()).isEqualTo("jenkins-shop-deploy-prod-12");
    }

    @Test
    void byDefaultABuildWithoutACredentialMayNotActAsTheControllerAndSaysWhereAnAdministratorAllowsIt() {
        assertThatThrownBy(() -> resolver.resolve(new StepFunctionsSettings("us-east-1", null, null, null, null),
                new EnvVars(), null)).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("credentialsId: none given, and builds may not use the controller's own AWS identity")
                .hasMessageContaining("Manage Jenkins > System > AWS Step Functions");
        assertThatThrownBy(() -> resolver.resolve(new StepFunctionsSettings("us-east-1", null,
                "arn:aws:iam::123456789012:role/deployer", null, null), new EnvVars(), null))
                .as("assuming a role on top of the controller's identity is that identity too")
                .isInstanceOf(AbortException.class).hasMessageStartingWith("credentialsId:");
    }

    @Test
    void byDefaultAnEndpointOutsideAwsAndThisMachineIsRefusedEvenWithACredential() throws Exception {
        assertThatThrownBy(() -> resolver.resolve(new StepFunctionsSettings("us-east-1", FakeJenkinsServices.CREDENTIALS_ID,
                null, null, "http://10.0.12.7:4566"), new EnvVars(), null)).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("endpoint: 'http://10.0.12.7:4566' is neither an AWS endpoint nor on this machine")
                .hasMessageContaining("'Builds may use any endpoint' under Manage Jenkins > System > AWS Step Functions");
        assertThat(resolver.resolve(new StepFunctionsSettings("us-east-1", FakeJenkinsServices.CREDENTIALS_ID, null, null,
                "https://vpce-0a1b-states.us-east-1.vpce.amazonaws.com"), new EnvVars(), null).endpoint()).isNotNull();

        services.allowing(new SecurityPolicy(false, true));
        assertThat(resolver.resolve(new StepFunctionsSettings("us-east-1", FakeJenkinsServices.CREDENTIALS_ID, null, null,
                "http://10.0.12.7:4566"), new EnvVars(), null).endpoint().getHost()).isEqualTo("10.0.12.7");
    }

    @Test
    void withoutACredentialAwsUsesTheDefaultChainOnceAllowedAndALocalEngineDummyKeys() throws Exception {
        services.allowing(new SecurityPolicy(true, false));
        assertThat(resolver.resolve(new StepFunctionsSettings("us-east-1", null, null, null, null), new EnvVars(), null)
                .credentials()).isInstanceOf(CredentialsSpec.DefaultChain.class);
        assertThat(resolver.resolve(new StepFunctionsSettings("us-east-1", null, null, null, "http://127.0.0.1:8083"),
                new EnvVars(), null).credentials()).isInstanceOf(CredentialsSpec.StaticKeys.class);
        assertThat(resolver.resolve(new StepFunctionsSettings("us-east-1", null, null, null,
                "https://states.us-east-1.amazonaws.com"), new EnvVars(), null).credentials())
                .isInstanceOf(CredentialsSpec.DefaultChain.class);
    }

    @Test
    void mistakesNameTheFieldToFix() {
        services.allowing(new SecurityPolicy(true, false));
        assertThatThrownBy(() -> resolver.resolve(StepFunctionsSettings.none(), new EnvVars(), null))
                .isInstanceOf(AbortException.class).hasMessageStartingWith("region:");
        assertThatThrownBy(() -> resolver.resolve(new StepFunctionsSettings("eu-west-1", null, "deployer", null, null),
                new EnvVars(), null)).isInstanceOf(AbortException.class).hasMessageStartingWith("roleArn:");
        assertThatThrownBy(() -> resolver.resolve(new StepFunctionsSettings("eu-west-1", null, null, null, "ftp://x"),
                new EnvVars(), null)).isInstanceOf(AbortException.class).hasMessageStartingWith("endpoint:");
    }
}
