package io.jenkins.plugins.stepfunctions.cli;

import io.jenkins.plugins.stepfunctions.bridge.connect.Connection;
import io.jenkins.plugins.stepfunctions.bridge.connect.CredentialsSpec;
import io.jenkins.plugins.stepfunctions.bridge.connect.RoleAssumption;
import io.jenkins.plugins.stepfunctions.bridge.watch.PollingPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Delays between history reads 25 times shorter than against AWS (20 ms after new events, idle up to 200 ms) when
     * the endpoint is on this machine ({@code sfn local}, LocalStack): no quota, no bill, a round trip of a fraction of
     * a millisecond, and a person watching. Against AWS, and any endpoint elsewhere, the follower's own pace.
     */
    static final double LOOPBACK_POLLING = 0.04;

    /** How often the follower reads history: see {@link #LOOPBACK_POLLING}. */
    PollingPolicy pollingPolicy() {
        PollingPolicy aws = PollingPolicy.defaults();
        // scaled delays, but heartbeats and Wait lines at the pace of real time
        return isLoopback(endpoint) ? aws.scaled(LOOPBACK_POLLING).pacedAt(1) : aws;
    }

    static boolean isLoopback(URI endpoint) {
        if (endpoint == null || endpoint.getHost() == null) {
            return false;
        }
        String host = endpoint.getHost().toLowerCase(java.util.Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    Connection connection() {
        return connection(endpoint);
    }

    /**
     * The options another {@code sfn} needs to reach {@code executionArn} as this one does, one word each: for a
     * command printed to be run in another terminal. {@code served} is where this process serves its own engine
     * ({@code sfn run --local}), else null.
     */
    List<String> sameConnection(URI served, String executionArn) {
        List<String> words = new ArrayList<>();
        URI reached = served != null ? served : endpoint;
        if (reached != null) {
            words.addAll(List.of("--endpoint", reached.toString()));
            if (region != null && served == null) {
                words.addAll(List.of("--region", region));
            }
        } else {
            // on AWS the other terminal may have no AWS_REGION: the execution's own region is in its ARN
            String[] arn = executionArn.split(":");
            String r = region != null ? region : arn.length > 3 ? arn[3] : null;
            if (r != null && !r.isEmpty()) {
                words.addAll(List.of("--region", r));
            }
        }
        if (served == null) {
            addIfSet(words, "--profile", profile);
            addIfSet(words, "--role-arn", roleArn);
            addIfSet(words, "--external-id", externalId);
        }
        return words;
    }

    private static void addIfSet(List<String> words, String option, String value) {
        if (value != null) {
            words.addAll(List.of(option, value));
        }
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
