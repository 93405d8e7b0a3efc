package io.jenkins.plugins.stepfunctions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** How an error becomes one short paragraph and an exit code. */
class CliErrorsTest {
    /** What the SDK's default chain says when no source has credentials (shortened here; the real one is ~1.5 KB). */
    private static final String NO_CREDENTIALS_IN_THE_CHAIN = "Unable to load credentials from any of the providers in the chain"
            + " AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(),"
            + " EnvironmentVariableCredentialsProvider(), WebIdentityTokenFileCredentialsProvider(),"
            + " ProfileCredentialsProvider(profileName=default), ContainerCredentialsProvider(), InstanceProfileCredentialsProvider()])"
            + " : [SystemPropertyCredentialsProvider(): Unable to load credentials from system settings. Access key must be"
            + " specified either via environment variable (AWS_ACCESS_KEY_ID) or system property (aws.accessKeyId).,"
            + " EnvironmentVariableCredentialsProvider(): Unable to load credentials from system settings. Access key must be"
            + " specified either via environment variable (AWS_ACCESS_KEY_ID) or system property (aws.accessKeyId).,"
            + " ProfileCredentialsProvider(profileName=default): Profile file contained no credentials for profile 'default'"
            + ": ProfileFile(sections=[])]";

    @Test
    void noCredentialsInTheDefaultChainIsOneShortSentenceNamingWhereToPutThem() {
        StringWriter err = new StringWriter();

        int code = CliErrors.report("run", SdkClientException.create(NO_CREDENTIALS_IN_THE_CHAIN), new PrintWriter(err));

        assertThat(code).isEqualTo(ExitCodes.CONNECTION);
        assertThat(err.toString()).startsWith("sfn run: no AWS credentials found")
                .contains("AWS_PROFILE/--profile", "AWS_ACCESS_KEY_ID", "--endpoint")
                .doesNotContain("AwsCredentialsProviderChain", "ProfileFile(");
        assertThat(err.toString().length()).isLessThan(400);
    }
}
