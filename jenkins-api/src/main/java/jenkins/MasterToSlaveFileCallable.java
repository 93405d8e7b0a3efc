// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/jenkins/MasterToSlaveFileCallable.java @ jenkins-2.541.3.
package jenkins;

import hudson.FilePath;

public abstract class MasterToSlaveFileCallable<T> implements FilePath.FileCallable<T> {
    protected MasterToSlaveFileCallable() {
    }
}
