// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/model/AbstractProject.java @ jenkins-2.541.3.
package hudson.model;

public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R> {
    protected AbstractProject(ItemGroup parent, String name) {
        super(parent, name);
    }
}
