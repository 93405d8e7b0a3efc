package io.jenkins.plugins.stepfunctions.cli;

import io.jenkins.plugins.stepfunctions.bridge.connect.Connection;
import io.jenkins.plugins.stepfunctions.bridge.connect.CredentialsSpec;
import io.jenkins.plugins.stepfunctions.bridge.connect.RoleAssumption;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where and as whom: the options every command that talks to Step Functions shares. */
public final class ConnectionOptions {
    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION; us-east-1 with --endpoint or --local).")
    String region;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Endpoint override, e.g. the URL 'sfn local' prints, or LocalStack.")
    URI endpoint;

    @Option(names = "--profile", paramLabel = "NAME", description = "Named profile of ~/.aws/config and ~/.aws/credentials.")
    String profile;

    @Option(names = "--role-arn", paramLabel = "ARN", description = "Assume this role (STS AssumeRole) for every call.")
    String roleArn;

    @Option(names = "--external-id", paramLabel = "ID", description = "External ID the role's trust policy demands.")
    String externalId;

    @Option(names = "--role-session-name", paramLabel = "NAME", description = "Session name shown in CloudTrail (default: sfn-bridge).")
    String sessionName;

    /** Whether the user pointed at an endpoint or region (validate then asks the service, not just the local parser). */
    boolean remoteRequested() {
        return endpoint != null || region != null;
    }

    Connection connection() {
        return connection(endpoint);
    }

    Connection connection(URI endpointOverride) {
        String r = region != null ? region : firstNonBlank(System.getenv("AWS_REGION"), System.getenv("AWS_DEFAULT_REGION"));
        if (r == null && endpointOverride != null) {
            r = "us-east-1";
        }
        CredentialsSpec credentials;
        if (profile != null) {
            credentials = new CredentialsSpec.Profile(profile);
        } else if (endpointOverride != null && System.getenv("AWS_ACCESS_KEY_ID") == null && System.getenv("AWS_PROFILE") == null) {
            // a local endpoint accepts any signature; do not make people configure keys for it
            credentials = CredentialsSpec.StaticKeys.of("local", "local-secret-key");
        } else {
            credentials = new CredentialsSpec.DefaultChain();
        }
        RoleAssumption role = roleArn == null ? null : new RoleAssumption(roleArn, externalId, sessionName, Duration.ofHours(1));
        return new Connection(r, endpointOverride, credentials, role);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
