// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/tasks/BuildStep.java @ jenkins-2.568.1.
package hudson.tasks;

public interface BuildStep {
}
