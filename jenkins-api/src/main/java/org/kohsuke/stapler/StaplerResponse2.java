// Signatures only, no upstream code: mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerResponse2.java @ stapler 2088.v915606dc8e86 (what Jenkins 2.568.1 ships).
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

public interface StaplerResponse2 extends HttpServletResponse {
}
