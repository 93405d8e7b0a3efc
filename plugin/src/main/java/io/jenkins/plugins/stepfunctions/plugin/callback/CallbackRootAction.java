package io.jenkins.plugins.stepfunctions.plugin.callback;

import hudson.Extension;
import hudson.model.UnprotectedRootAction;
import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;
import io.jenkins.plugins.stepfunctions.plugin.runtime.JenkinsServices;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * {@code POST <jenkins>/sfn-callback/<secret>}: an execution (its {@code http:invoke} task, or an EventBridge
 * API destination) says it has moved on, and the build following it reads its history now instead of at the
 * next slow safety poll. Authenticated by the per-execution secret alone (no Jenkins user, no CSRF crumb:
 * see {@link CallbackCrumbExclusion}); it answers nothing but 204 or 404, and reveals nothing.
 */
@Extension
public final class CallbackRootAction implements UnprotectedRootAction {
    public static final String URL_NAME = "sfn-callback";

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    public void doDynamic(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        rsp.setStatus(handle(req.getMethod(), req.getRestOfPath(), JenkinsServices.live()));
    }

    /** The HTTP status for a callback: 204 when it woke a follower, 404 for anything else, 405 for a non-POST. */
    static int handle(String method, String restOfPath, JenkinsServices services) {
        if (!"POST".equals(method)) {
            return HttpServletResponse.SC_METHOD_NOT_ALLOWED;
        }
        String secret = restOfPath == null ? "" : restOfPath.replaceFirst("^/", "");
        return services.callbacks().callback(secret) ? HttpServletResponse.SC_NO_CONTENT
                : HttpServletResponse.SC_NOT_FOUND;
    }

    /** The callback URL of a secret, under Jenkins' configured root URL (the path the bridge's CallbackServer uses too). */
    public static String url(String rootUrl, Secret secret) {
        return (rootUrl.endsWith("/") ? rootUrl : rootUrl + "/") + URL_NAME + "/" + secret.reveal();
    }
}
