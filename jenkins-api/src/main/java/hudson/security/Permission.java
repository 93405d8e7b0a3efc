// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/security/Permission.java @ jenkins-2.568.1.
package hudson.security;

public final class Permission {
    private Permission() {
    }
}
