// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/security/SecurityRealm.java @ jenkins-2.541.3.
// Upstream also implements Describable and ExtensionPoint and declares abstract members; the plugin only asks how ids compare.
package hudson.security;

import jenkins.model.IdStrategy;

public abstract class SecurityRealm {
    public IdStrategy getUserIdStrategy() {
        throw new UnsupportedOperationException();
    }

    public IdStrategy getGroupIdStrategy() {
        throw new UnsupportedOperationException();
    }
}
