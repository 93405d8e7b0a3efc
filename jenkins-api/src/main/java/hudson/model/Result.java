// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Result.java @ jenkins-2.541.3.
package hudson.model;

public final class Result {
    private Result() {
    }
}
