// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/model/BuildListener.java @ jenkins-2.541.3.
package hudson.model;

public interface BuildListener extends TaskListener {
}
