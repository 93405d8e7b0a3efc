// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/Launcher.java @ jenkins-2.568.1.
package hudson;

public abstract class Launcher {
    private Launcher() {
    }
}
