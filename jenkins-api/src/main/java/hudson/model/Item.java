// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Item.java @ jenkins-2.541.3.
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

public interface Item extends AccessControlled {
    Permission READ = null;
    Permission EXTENDED_READ = null;
    Permission BUILD = null;
}
