package io.jenkins.plugins.stepfunctions.bridge.callback;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The bridge's own callback endpoint (the CLI uses it; Jenkins has its own), answering two paths only:
 * {@code POST /sfn-callback/<execution secret>} from an {@code http:invoke} task, and
 * {@code POST /sfn-events/<server secret>} with an EventBridge status-change event (the embedded
 * engine's status listener, or an EventBridge API destination). Anything else gets 404 and no detail.
 */
public final class CallbackServer implements AutoCloseable {
    private static final String CALLBACK = "/sfn-callback/";
    private static final String EVENTS = "/sfn-events/";
    private static final int MAX_BODY = 256 * 1024;

    private final HttpServer http;
    private final ExecutorService threads;
    private final CallbackRegistry registry;
    private final Secret eventsSecret;
    private final URI base;

    private CallbackServer(HttpServer http, ExecutorService threads, CallbackRegistry registry, URI base) {
        this.http = http;
        this.threads = threads;
        this.registry = registry;
        this.eventsSecret = registry.issue();
        this.base = base;
    }

    /**
     * @param advertisedBase the URL the execution reaches this server at (e.g. through a tunnel), or null
     *                       for {@code http://host:port}
     */
    public static CallbackServer start(String host, int port, URI advertisedBase, CallbackRegistry registry) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 64);
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "sfn-callback");
            t.setDaemon(true);
            return t;
        });
        URI base = advertisedBase != null ? advertisedBase
                : URI.create("http://" + host + ":" + http.getAddress().getPort());
        CallbackServer server = new CallbackServer(http, threads, registry, base);
        http.createContext("/", server::handle);
        http.setExecutor(threads);
        http.start();
        return server;
    }

    /** The URL an execution calls (POST) to say it moved on; carries the execution's secret. */
    public URI callbackUrl(Secret secret) {
        return base.resolve(CALLBACK + secret.reveal());
    }

    /** Where EventBridge-shaped status-change events are POSTed (the engine's --status-listener). */
    public URI eventsUrl() {
        return base.resolve(EVENTS + eventsSecret.reveal());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            int status = 404;
            if ("POST".equals(exchange.getRequestMethod())) {
                String body = read(exchange.getRequestBody());
                if (path.startsWith(CALLBACK) && registry.callback(path.substring(CALLBACK.length()))) {
                    status = 204;
                } else if (path.startsWith(EVENTS) && CallbackRegistry.matches(eventsSecret, path.substring(EVENTS.length()))) {
                    registry.statusChange(body);
                    status = 204;
                }
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private static String read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}
