package io.jenkins.plugins.stepfunctions.engine.run;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The engine's HTTP client, built on first use: building one initialises TLS (up to seconds on a
 * busy machine) and only http:invoke tasks and the status-change listener need it.
 */
final class LazyHttpClient {
    private HttpClient client;

    synchronized HttpClient get() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        }
        return client;
    }
}
