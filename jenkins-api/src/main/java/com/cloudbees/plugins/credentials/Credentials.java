// Signatures only, no upstream code: mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/Credentials.java @ 1502.v5c95e620ddfe.
package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {
}
