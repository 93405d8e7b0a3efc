// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/jenkins/model/IdStrategy.java @ jenkins-2.541.3.
// Upstream also implements Describable, ExtensionPoint and Comparator; the plugin only compares two ids with it.
package jenkins.model;

public abstract class IdStrategy {
    public boolean equals(String id1, String id2) {
        throw new UnsupportedOperationException();
    }
}
