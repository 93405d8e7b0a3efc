// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/tasks/BuildStep.java @ jenkins-2.541.3.
package hudson.tasks;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import java.io.IOException;

public interface BuildStep {
    boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
            throws InterruptedException, IOException;
}
