// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/security/Permission.java @ jenkins-2.541.3.
package hudson.security;

public final class Permission {
    private Permission() {
    }
}
