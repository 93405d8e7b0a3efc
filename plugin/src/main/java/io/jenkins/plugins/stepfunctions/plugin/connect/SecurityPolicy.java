package io.jenkins.plugins.stepfunctions.plugin.connect;

import hudson.AbortException;
import java.net.URI;
import java.util.Locale;

/**
 * What a Jenkinsfile author may make the controller do with AWS, as an administrator decided under
 * Manage Jenkins > System > AWS Step Functions. Both are off by default: a Pipeline is code anyone with
 * commit access writes, and without these rules it could act as the controller's own AWS identity (its
 * instance role) or make the controller call any host of the internal network.
 *
 * @param controllerIdentity builds may use the controller's own AWS identity (the SDK's default chain) when
 *                           they name no credential
 * @param anyEndpoint        builds may point {@code endpoint} at hosts other than AWS's and this machine's
 */
public record SecurityPolicy(boolean controllerIdentity, boolean anyEndpoint) {
    /** The defaults: a credential is required, endpoints are AWS or loopback. */
    public static final SecurityPolicy SAFE = new SecurityPolicy(false, false);

    static final String WHERE = "Manage Jenkins > System > AWS Step Functions";

    /** Refuses the controller's own identity unless an administrator allowed it. */
    public void checkControllerIdentity() throws AbortException {
        if (!controllerIdentity) {
            throw new AbortException("credentialsId: none given, and builds may not use the controller's own AWS"
                    + " identity; pass credentialsId: with an AWS credential (withStepFunctions(credentialsId: ...)),"
                    + " or ask an administrator to turn on 'Builds may use the controller's AWS identity' under "
                    + WHERE);
        }
    }

    /** Refuses an endpoint outside AWS and this machine unless an administrator allowed any. */
    public void checkEndpoint(URI endpoint) throws AbortException {
        if (endpoint == null || anyEndpoint || ConnectionResolver.isLoopback(endpoint) || isAws(endpoint)) {
            return;
        }
        throw new AbortException("endpoint: '" + endpoint + "' is neither an AWS endpoint nor on this machine, and"
                + " builds may not call other hosts; use an *.amazonaws.com endpoint or a loopback one, or ask an"
                + " administrator to turn on 'Builds may use any endpoint' under " + WHERE);
    }

    static boolean isAws(URI endpoint) {
        String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(Locale.ROOT);
        return host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn") || host.endsWith(".api.aws");
    }
}
