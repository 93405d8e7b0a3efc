package io.jenkins.plugins.stepfunctions.plugin.connect;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import io.jenkins.plugins.stepfunctions.bridge.BridgeException;
import io.jenkins.plugins.stepfunctions.bridge.connect.Connection;
import io.jenkins.plugins.stepfunctions.bridge.connect.CredentialsSpec;
import io.jenkins.plugins.stepfunctions.bridge.connect.RoleAssumption;
import io.jenkins.plugins.stepfunctions.plugin.runtime.JenkinsServices;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Turns the settings of a {@code withStepFunctions} block (or a freestyle step) into the bridge's
 * {@link Connection}. Credentials are looked up each time, never stored with the build.
 */
public final class ConnectionResolver {
    private static final CredentialsSpec LOCAL_KEYS = CredentialsSpec.StaticKeys.of("local", "local-secret-key");
    private final JenkinsServices services;

    public ConnectionResolver(JenkinsServices services) {
        this.services = services;
    }

    /** @throws AbortException naming the field to fix */
    public Connection resolve(StepFunctionsSettings settings, EnvVars env, Run<?, ?> run) throws IOException {
        String region = firstNonBlank(settings.region(), env == null ? null : env.get("AWS_REGION"),
                env == null ? null : env.get("AWS_DEFAULT_REGION"));
        if (region == null) {
            throw new AbortException("region: no AWS region given; set it with withStepFunctions(region: 'eu-west-1') { ... }"
                    + " (or the step's Region field), or AWS_REGION in the build environment");
        }
        URI endpoint = endpoint(settings.endpoint());
        SecurityPolicy policy = services.securityPolicy();
        policy.checkEndpoint(endpoint);
        CredentialsSpec credentials;
        if (settings.credentialsId() != null) {
            credentials = services.credentials(settings.credentialsId(), run);
        } else if (isLoopback(endpoint)) {
            credentials = LOCAL_KEYS;
        } else {
            policy.checkControllerIdentity();
            credentials = new CredentialsSpec.DefaultChain();
        }
        try {
            Connection connection = new Connection(region, endpoint, credentials, null);
            if (settings.roleArn() == null) {
                return connection;
            }
            return connection.withRole(new RoleAssumption(settings.roleArn(), settings.externalId(),
                    sessionName(env), null));
        } catch (BridgeException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /**
     * A local engine (sfn local, LocalStack on this machine) accepts any keys, and a controller often has none:
     * without a credential, a loopback endpoint gets dummy keys instead of the default chain.
     */
    static boolean isLoopback(URI endpoint) {
        if (endpoint == null || endpoint.getHost() == null) {
            return false;
        }
        String host = endpoint.getHost();
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    private static URI endpoint(String endpoint) throws AbortException {
        if (endpoint == null) {
            return null;
        }
        try {
            return new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new AbortException("endpoint: '" + endpoint + "' is not a URL; give it as http(s)://host:port");
        }
    }

    /** Shows in CloudTrail which build assumed the role; AWS allows [\w+=,.@-]{2,64}. */
    static String sessionName(EnvVars env) {
        String job = env == null ? null : env.get("JOB_NAME");
        String build = env == null ? null : env.get("BUILD_NUMBER");
        String name = "jenkins" + (job == null ? "" : "-" + job) + (build == null ? "" : "-" + build);
        name = name.replaceAll("[^\\w+=,.@-]", "-");
        return name.length() <= 64 ? name : name.substring(name.length() - 64);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
