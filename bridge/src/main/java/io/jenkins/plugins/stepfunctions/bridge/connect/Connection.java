package io.jenkins.plugins.stepfunctions.bridge.connect;

import java.io.Serializable;
import java.net.URI;

/**
 * Where and as whom to call Step Functions.
 *
 * @param region      AWS region, e.g. {@code eu-west-1}; required (the embedded engine accepts any)
 * @param endpoint    endpoint override (embedded engine, LocalStack), or null for AWS
 * @param credentials base credentials
 * @param role        role to assume on top, or null
 */
public record Connection(String region, URI endpoint, CredentialsSpec credentials, RoleAssumption role)
        implements Serializable {

    public Connection {
        if (region == null || region.isBlank()) {
            throw new ConnectionException("region", "no AWS region given",
                    "pass --region (or set AWS_REGION), e.g. us-east-1");
        }
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+|local")) {
            throw new ConnectionException("region", "'" + region + "' is not an AWS region name",
                    "use a region code such as us-east-1 or eu-west-1");
        }
        if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null
                || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https")))) {
            throw new ConnectionException("endpoint", "'" + endpoint + "' is not an http(s) URL",
                    "give the endpoint as a URL, e.g. http://127.0.0.1:8083");
        }
        credentials = credentials == null ? new CredentialsSpec.DefaultChain() : credentials;
    }

    /** The embedded engine or another local endpoint: any region, dummy keys. */
    public static Connection local(URI endpoint) {
        return new Connection("us-east-1", endpoint, CredentialsSpec.StaticKeys.of("local", "local-secret-key"), null);
    }

    public static Connection aws(String region) {
        return new Connection(region, null, new CredentialsSpec.DefaultChain(), null);
    }

    public Connection withRole(RoleAssumption role) {
        return new Connection(region, endpoint, credentials, role);
    }

    /**
     * What shares one API rate budget: AWS throttles per account and region; the account is only known
     * after a call, so the role (a different account, usually) and the endpoint stand in for it.
     */
    public String budgetKey() {
        return (endpoint == null ? "aws" : endpoint.toString()) + "|" + region + "|" + (role == null ? "" : role.roleArn());
    }
}
