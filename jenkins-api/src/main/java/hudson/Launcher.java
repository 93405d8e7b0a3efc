// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/Launcher.java @ jenkins-2.541.3.
package hudson;

public abstract class Launcher {
    private Launcher() {
    }
}
