// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/model/TaskListener.java @ jenkins-2.541.3.
package hudson.model;

import java.io.PrintStream;

public interface TaskListener {
    PrintStream getLogger();
}
