// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Action.java @ jenkins-2.541.3.
package hudson.model;

public interface Action {
    String getIconFileName();

    String getDisplayName();

    String getUrlName();
}
