package io.jenkins.plugins.stepfunctions.plugin.callback;

import hudson.Extension;
import hudson.security.csrf.CrumbExclusion;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * AWS cannot fetch a Jenkins CSRF crumb before calling back, and needs none: the callback endpoint changes
 * nothing a user could be tricked into changing (it only makes a build poll sooner) and its URL carries its
 * own secret. Exactly that path is exempt; everything else keeps the crumb check.
 */
@Extension
public final class CallbackCrumbExclusion extends CrumbExclusion {
    private static final String PREFIX = "/" + CallbackRootAction.URL_NAME + "/";

    @Override
    public boolean process(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getPathInfo();
        if (path != null && path.startsWith(PREFIX)) {
            chain.doFilter(request, response);
            return true;
        }
        return false;
    }
}
