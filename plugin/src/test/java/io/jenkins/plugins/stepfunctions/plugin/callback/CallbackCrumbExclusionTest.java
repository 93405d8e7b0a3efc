package io.jenkins.plugins.stepfunctions.plugin.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.plugin.fakes.HttpFakes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The crumb exclusion with proxy requests; Jenkins' CrumbFilter, which consults it, is not running here. */
class CallbackCrumbExclusionTest {
    private final AtomicInteger passedOn = new AtomicInteger();
    private final FilterChain chain = (request, response) -> passedOn.incrementAndGet();
    private final HttpServletResponse response = HttpFakes.response(HttpServletResponse.class, new HttpFakes.Recorded());

    @Test
    void onlyTheCallbackPathSkipsTheCrumbCheck() throws Exception {
        CallbackCrumbExclusion exclusion = new CallbackCrumbExclusion();

        assertThat(exclusion.process(post("/sfn-callback/abc"), response, chain)).isTrue();
        assertThat(passedOn).hasValue(1);

        for (String other : new String[] {"/job/deploy/1/stepfunctions/approve", "/sfn-callback", "/sfn-callbackx/abc", null}) {
            assertThat(exclusion.process(post(other), response, chain)).as(other).isFalse();
        }
        assertThat(passedOn).as("other paths are left to the crumb check").hasValue(1);
    }

    private static HttpServletRequest post(String pathInfo) {
        return HttpFakes.request(HttpServletRequest.class, "POST", pathInfo, Map.of());
    }
}
