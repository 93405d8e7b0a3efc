// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/model/EnvironmentContributingAction.java @ jenkins-2.541.3.
package hudson.model;

import hudson.EnvVars;

public interface EnvironmentContributingAction extends Action {
    default void buildEnvironment(Run<?, ?> run, EnvVars env) {
        throw new UnsupportedOperationException();
    }
}
