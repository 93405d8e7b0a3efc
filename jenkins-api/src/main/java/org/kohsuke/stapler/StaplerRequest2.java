// Signatures only, no upstream code: mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerRequest2.java @ stapler 2088.v915606dc8e86 (what Jenkins 2.568.1 ships).
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;

public interface StaplerRequest2 extends HttpServletRequest {
    String getRestOfPath();
}
