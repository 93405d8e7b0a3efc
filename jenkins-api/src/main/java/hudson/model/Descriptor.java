// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Descriptor.java @ jenkins-2.541.3.
package hudson.model;

public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor() {
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public synchronized void load() {
        throw new UnsupportedOperationException();
    }

    public synchronized void save() {
        throw new UnsupportedOperationException();
    }
}
