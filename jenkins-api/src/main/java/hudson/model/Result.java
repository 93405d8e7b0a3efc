// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Result.java @ jenkins-2.541.3.
package hudson.model;

public final class Result {
    public static final Result SUCCESS = null;
    public static final Result UNSTABLE = null;
    public static final Result FAILURE = null;

    private Result() {
    }

    public boolean isWorseThan(Result that) {
        throw new UnsupportedOperationException();
    }
}
