// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/ExtensionPoint.java @ jenkins-2.568.1.
package hudson;

public interface ExtensionPoint {
}
