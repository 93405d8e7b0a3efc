// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/security/AccessControlled.java @ jenkins-2.541.3.
package hudson.security;

public interface AccessControlled {
    default void checkPermission(Permission permission) {
        throw new UnsupportedOperationException();
    }

    default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException();
    }
}
