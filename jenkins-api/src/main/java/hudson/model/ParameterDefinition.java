// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/model/ParameterDefinition.java @ jenkins-2.541.3.
// Upstream also implements Describable and ExtensionPoint; the plugin only builds the core subclasses.
package hudson.model;

import java.io.Serializable;

public abstract class ParameterDefinition implements Serializable {
    protected ParameterDefinition(String name) {
    }

    public String getName() {
        throw new UnsupportedOperationException();
    }
}
