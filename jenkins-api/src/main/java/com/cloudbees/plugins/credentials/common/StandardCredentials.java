// Signatures only, no upstream code: mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/StandardCredentials.java @ 1502.v5c95e620ddfe.
package com.cloudbees.plugins.credentials.common;

public interface StandardCredentials extends IdCredentials {
}
