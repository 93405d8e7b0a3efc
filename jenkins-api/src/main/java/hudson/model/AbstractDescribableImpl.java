// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/model/AbstractDescribableImpl.java @ jenkins-2.541.3.
package hudson.model;

public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
}
