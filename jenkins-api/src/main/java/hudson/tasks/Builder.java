// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/tasks/Builder.java @ jenkins-2.541.3.
package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;

public abstract class Builder implements BuildStep, Describable<Builder>, ExtensionPoint {
    protected Builder() {
    }
}
