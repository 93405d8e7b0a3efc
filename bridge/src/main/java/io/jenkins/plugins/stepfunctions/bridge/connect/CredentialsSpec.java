package io.jenkins.plugins.stepfunctions.bridge.connect;

import java.io.Serializable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** Where the AWS credentials come from. */
public sealed interface CredentialsSpec extends Serializable {

    /** The SDK's default provider chain: environment, system properties, profile, container, instance role. */
    record DefaultChain() implements CredentialsSpec {
    }

    /** A named profile of the shared AWS config/credentials files. */
    record Profile(String name) implements CredentialsSpec {
    }

    /** Static keys, e.g. from a Jenkins credential; the session token is optional. */
    record StaticKeys(String accessKeyId, Secret secretAccessKey, Secret sessionToken) implements CredentialsSpec {
        public static StaticKeys of(String accessKeyId, String secretAccessKey) {
            return new StaticKeys(accessKeyId, Secret.of(secretAccessKey), null);
        }
    }

    /**
     * Credentials that renew themselves, asked at every signing: a Jenkins AWS credential (its role sessions
     * last an hour, a follow or an approval can last days). Held only while a build runs, never saved.
     */
    record Supplied(AwsCredentialsProvider provider, String description) implements CredentialsSpec {
        @Override
        public String toString() {
            return "Supplied[" + description + "]";
        }
    }
}
