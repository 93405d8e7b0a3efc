// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Actionable.java @ jenkins-2.541.3.
package hudson.model;

public abstract class Actionable {
    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException();
    }

    public boolean addOrReplaceAction(Action a) {
        throw new UnsupportedOperationException();
    }
}
