package io.jenkins.plugins.stepfunctions.engine.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import io.jenkins.plugins.stepfunctions.engine.run.ExecutionEngine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The AWS Step Functions API (AWS JSON 1.0 over HTTP) served by the embedded engine, so that the
 * unmodified AWS SDK and CLI work against it with an endpoint override. Binds where it is told
 * (loopback in every caller of this project); accepts any credentials.
 */
public final class EngineServer implements AutoCloseable {
    /**
     * Request threads, started as needed and ended after 30 s idle. A GetActivityTask long poll holds
     * none while it waits (see {@link LongPolls}); a connection stalled in its request holds one for at
     * most {@link #REQUEST_READ_SECONDS}. So hundreds of stalled clients leave threads for the others;
     * beyond this many at once, requests queue rather than fail.
     */
    private static final int MAX_REQUEST_THREADS = 1024;
    /**
     * The time a client has to send a request's line, headers and body once its first byte has come
     * (and to send a first byte after connecting): then the JDK server closes the connection, which
     * frees the thread reading it.
     */
    static final int REQUEST_READ_SECONDS = 10;
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";
    private static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";
    private static final System.Logger LOG = System.getLogger(EngineServer.class.getName());

    static {
        // The JDK server sends a response's headers and body in two writes. Without TCP_NODELAY, Nagle's
        // algorithm holds the body until the client acknowledges the headers, which clients delay by
        // 40 ms: every API call would take 40+ ms (20 calls/s per connection instead of hundreds).
        // The JDK reads this property once, when its first server starts.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        // The JDK server reads request headers on a request thread with blocking reads and no timeout
        // unless this is set (seconds; read once, like the property above): a client that sends half a
        // request would hold its thread for good. The response side stays unlimited (long polls).
        if (System.getProperty(MAX_REQUEST_TIME) == null) {
            System.setProperty(MAX_REQUEST_TIME, Integer.toString(REQUEST_READ_SECONDS));
        }
    }

    private final HttpServer http;
    private final ThreadPoolExecutor requestThreads;
    /** The engine this server stops when it closes: null when it serves someone else's ({@link #serve}). */
    private final CompletableFuture<ExecutionEngine> ownEngine;
    private final CompletableFuture<ExecutionEngine> engine;
    private final FaultInjection faults;
    private final LongPolls longPolls;
    private final URI endpoint;
    private final java.util.List<String> dataDirProblems;

    private EngineServer(HttpServer http, ThreadPoolExecutor requestThreads, CompletableFuture<ExecutionEngine> ownEngine,
                         CompletableFuture<ExecutionEngine> engine, FaultInjection faults, LongPolls longPolls,
                         java.util.List<String> dataDirProblems) {
        this.dataDirProblems = dataDirProblems;
        this.http = http;
        this.ownEngine = ownEngine;
        this.longPolls = longPolls;
        this.requestThreads = requestThreads;
        this.engine = engine;
        this.faults = faults;
        InetSocketAddress address = http.getAddress();
        // Bound to every interface, the server is still reached on loopback; 0.0.0.0 is no place to send to.
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        this.endpoint = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    /** Starts serving on {@code host:port}; port 0 picks a free port (see {@link #endpoint()}). */
    public static EngineServer start(String host, int port, EngineConfig config) throws IOException {
        return start(host, port, config, null);
    }

    /**
     * Starts serving, keeping state machines, versions, aliases, activities and executions in
     * {@code dataDir} (null: in memory only). What it held before is loaded first and the executions
     * that were running resume; files it cannot read are reported ({@link #dataDirProblems()}) and skipped.
     */
    public static EngineServer start(String host, int port, EngineConfig config, java.nio.file.Path dataDir)
            throws IOException {
        CatalogFiles catalog = dataDir == null ? null : new CatalogFiles(dataDir);
        ExecutionFiles executionFiles = dataDir == null ? null : new ExecutionFiles(dataDir, catalog);
        if (dataDir != null) {
            java.nio.file.Files.createDirectories(dataDir);
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 256);
        InetSocketAddress bound = http.getAddress();
        // The interpreter is built on a second thread while the server starts listening (EngineApi), so
        // requests that do not run anything are answered at once and the others wait for it only when they
        // arrive first. Before any execution can run: no http:invoke task may call this API.
        EngineApi api = EngineApi.start(config, started -> started.refuseHttpInvokeTo(bound), catalog, executionFiles);
        return serve(http, api, true);
    }

    /**
     * Serves the API of an engine that already runs in this process: {@code sfn run --local} does when another
     * process must reach its execution (an approval answered from another terminal). Closing the server leaves
     * the engine to its owner.
     */
    public static EngineServer serve(EngineApi api, String host, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 256);
        InetSocketAddress bound = http.getAddress();
        api.engine().thenAccept(started -> started.refuseHttpInvokeTo(bound));
        return serve(http, api, false);
    }

    private static EngineServer serve(HttpServer http, EngineApi api, boolean ownsEngine) {
        InetSocketAddress bound = http.getAddress();
        CompletableFuture<ExecutionEngine> engine = api.engine();
        ObjectMapper mapper = api.mapper;
        FaultInjection faults = new FaultInjection();
        Map<String, Operation> operations = api.operations();
        Map<String, LongPoll.Operation> longPollOperations = api.longPollOperations();
        java.util.List<String> problems = api.dataDirProblems();

        ThreadPoolExecutor requestThreads = new ThreadPoolExecutor(MAX_REQUEST_THREADS, MAX_REQUEST_THREADS,
                30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads());
        requestThreads.allowCoreThreadTimeOut(true);
        LongPolls longPolls = new LongPolls(requestThreads, ApiHandler.CONTENT_TYPE);
        boolean loopback = bound.getAddress().isLoopbackAddress();
        Supplier<String> ownHttpInvokeMarker = () -> engine.isDone() && !engine.isCompletedExceptionally()
                ? engine.join().httpInvokeMarker() : null;
        ConsoleHandler console = new ConsoleHandler(api.stateMachines(), api.executions(), engine::join, mapper, api.timeScale());
        http.createContext("/", new ApiHandler(operations, longPollOperations, faults, mapper, longPolls, loopback,
                ownHttpInvokeMarker, console));
        http.createContext("/console/", console);
        http.setExecutor(requestThreads);
        http.start();
        return new EngineServer(http, requestThreads, ownsEngine ? engine : null, engine, faults, longPolls,
                List.copyOf(problems));
    }

    /** What the data directory held that could not be read, and what was lost with it; empty when all loaded. */
    public java.util.List<String> dataDirProblems() {
        return dataDirProblems;
    }

    /**
     * Where clients on this machine send requests, e.g. {@code http://127.0.0.1:54321} (loopback also
     * when bound to every interface).
     */
    public URI endpoint() {
        return endpoint;
    }

    /** The marker this server's engine puts on its http:invoke requests (which the server refuses). */
    String httpInvokeMarker() {
        return engine.join().httpInvokeMarker();
    }

    /** GetActivityTask requests held open now, waiting for a task. */
    int heldLongPolls() {
        return longPolls.size();
    }

    /** The switch that makes this server throttle, fail, delay or drop requests on purpose. */
    public FaultInjection faults() {
        return faults;
    }

    /** Stops accepting requests, ends those in flight (long polls included) and stops the engine if it is its own. */
    @Override
    public void close() {
        longPolls.close();
        http.stop(0);
        requestThreads.shutdownNow();
        if (ownEngine == null) {
            return;
        }
        try {
            ownEngine.join().close();
        } catch (CompletionException engineNeverStarted) {
            // nothing to stop
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sfn-local-request-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
