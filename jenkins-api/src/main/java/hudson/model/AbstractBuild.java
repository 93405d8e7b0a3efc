// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/model/AbstractBuild.java @ jenkins-2.541.3.
package hudson.model;

import hudson.FilePath;
import java.io.IOException;

public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R> {
    protected AbstractBuild(P job) throws IOException {
        super(job);
    }

    public final FilePath getWorkspace() {
        throw new UnsupportedOperationException();
    }
}
