package io.jenkins.plugins.stepfunctions.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import io.jenkins.plugins.stepfunctions.engine.run.HttpInvokeHosts;
import io.jenkins.plugins.stepfunctions.engine.server.EngineServer;
import io.jenkins.plugins.stepfunctions.engine.server.FaultInjection;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code sfn local}: serves the embedded engine's AWS-compatible API until stopped. The first line on
 * standard output is the endpoint, so scripts can read it ({@code --port 0} picks a free port).
 */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Serve the Step Functions API on this machine (AWS JSON 1.0, any credentials accepted).",
        footer = {"", "Example: sfn local --port 0 --time-scale 0.01 --mock-config mocks.json",
                "Then: aws stepfunctions --endpoint-url <printed URL> list-state-machines"})
public final class LocalCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8083", paramLabel = "PORT",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only).")
    private String host;

    @Option(names = "--mock-config", paramLabel = "FILE",
            description = "A Step Functions Local MockConfigFile (JSON) with mocked service integrations.")
    private Path mockConfig;

    @Option(names = "--time-scale", defaultValue = "1", paramLabel = "F",
            description = "Multiply Wait states and retry delays by F (0.01 = 100 times faster; default: ${DEFAULT-VALUE}).")
    private double timeScale;

    @Option(names = "--status-listener", paramLabel = "URL",
            description = "POST EventBridge-shaped 'Step Functions Execution Status Change' events to URL.")
    private String statusListener;

    @Option(names = "--faults", paramLabel = "SPEC",
            description = "Inject faults, e.g. throttle=0.1,error500=0.05,drop=0.02,lose=0.01,delay=200ms[@0.5],ops=GetExecutionHistory (see docs/engine.md)")
    private String faults;

    @Option(names = "--http-invoke-hosts", paramLabel = "LIST",
            description = "Hosts http:invoke tasks may call, e.g. localhost:9000,ci.example.com,*.example.org"
                    + " (default: any host; never this server's own API; see docs/engine.md).")
    private String httpInvokeHosts;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep state machines, versions, aliases, activities and executions in DIR across restarts;"
                    + " running executions resume on start (default: in memory only; see docs/engine.md).")
    private Path dataDir;

    @Option(names = "--s3-dir", paramLabel = "DIR",
            description = "A folder standing for Amazon S3: distributed Maps read ItemReader objects from DIR/<bucket>/<key>"
                    + " and write ResultWriter files there (default: none; see docs/engine.md).")
    private Path s3Dir;

    /** Counted down to stop serving in-process; Ctrl-C stops through the shutdown hook instead. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws IOException {
        EngineConfig config = config();
        FaultInjection.FaultPlan faultPlan = faultPlan();
        EngineServer server;
        try {
            server = EngineServer.start(host, port, config, dataDir);
        } catch (java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println("sfn local: cannot use --data-dir " + dataDir + " (" + e.getMessage()
                    + "); give a directory this user can write");
            return 2;
        } catch (IOException e) {
            if (dataDir != null && !Files.isDirectory(dataDir)) {
                spec.commandLine().getErr().println("sfn local: --data-dir " + dataDir + " cannot be created ("
                        + e.getMessage() + "); give a directory this user can write");
                return 2;
            }
            spec.commandLine().getErr().println("sfn local: cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); choose another --port, or --port 0 for a free one");
            return 1;
        }
        server.faults().set(faultPlan);
        Thread shutdown = new Thread(() -> {
            server.close();
            stopped.countDown();
            PrintWriter stopErr = spec.commandLine().getErr();
            stopErr.println("sfn local: stopped");
            stopErr.flush();
            // Ctrl-C or SIGTERM is how a server is meant to stop, not a failure: exit 0, not the JVM's 130 or 143
            // (a shutdown hook sets the exit code only this way; the command's own return is blocked by the shutdown)
            Runtime.getRuntime().halt(0);
        }, "sfn-local-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        PrintWriter err = spec.commandLine().getErr();
        for (String problem : server.dataDirProblems()) {
            err.println("sfn local: warning: --data-dir: " + problem);
        }
        err.println("sfn local: serving the Step Functions API on " + server.endpoint() + " (Ctrl-C to stop)"
                + (faultPlan.equals(FaultInjection.FaultPlan.NONE) ? "" : "; injecting faults " + faults));
        if (!InetAddress.getByName(host).isLoopbackAddress()) {
            err.println("sfn local: warning: listening on " + host + ", beyond this machine; the API has no"
                    + " authentication, so anyone who reaches port " + server.endpoint().getPort() + " can run and stop executions");
        }
        err.flush();
        // Last, so that whoever reads the endpoint finds the server fully announced and ready.
        PrintWriter out = spec.commandLine().getOut();
        out.println(server.endpoint());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdown);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The JVM is stopping (Ctrl-C): the hook closes the server.
        }
        return 0;
    }

    /** Stops serving when running in-process. */
    public void stop() {
        stopped.countDown();
    }

    private EngineConfig config() {
        if (port < 0 || port > 65535) {
            throw usage("--port " + port + " is not a port: give 1-65535, or 0 for a free one");
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw usage("--time-scale " + timeScale + " must be a positive number, e.g. 0.01 for 100 times faster waits");
        }
        EngineConfig config = new EngineConfig(Clock.systemUTC(), timeScale, mockConfig(), listener());
        if (httpInvokeHosts != null) {
            try {
                config = config.withHttpInvokeHosts(HttpInvokeHosts.parse(httpInvokeHosts));
            } catch (IllegalArgumentException e) {
                throw usage("--http-invoke-hosts " + httpInvokeHosts + ": " + e.getMessage());
            }
        }
        if (s3Dir != null) {
            if (!Files.isDirectory(s3Dir)) {
                throw usage("--s3-dir " + s3Dir + ": no such directory; give a folder holding one folder per bucket");
            }
            config = config.withS3Dir(s3Dir);
        }
        return config;
    }

    private JsonNode mockConfig() {
        if (mockConfig == null) {
            return null;
        }
        if (!Files.isRegularFile(mockConfig)) {
            throw usage("--mock-config " + mockConfig + ": no such file; give the path of a MockConfigFile (JSON)");
        }
        try {
            JsonNode json = new ObjectMapper().readTree(mockConfig.toFile());
            if (json == null || !json.isObject() || !json.path("StateMachines").isObject()
                    || !json.path("MockedResponses").isObject()) {
                throw usage("--mock-config " + mockConfig + " is not a MockConfigFile: it must be a JSON object with"
                        + " \"StateMachines\" and \"MockedResponses\" objects (see docs/engine.md)");
            }
            return json;
        } catch (IOException e) {
            throw usage("--mock-config " + mockConfig + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private URI listener() {
        if (statusListener == null) {
            return null;
        }
        try {
            URI uri = new URI(statusListener);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw usage("--status-listener " + statusListener + " must be an http(s) URL, e.g. http://127.0.0.1:9000/events");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw usage("--status-listener " + statusListener + " is not a URL: " + e.getReason());
        }
    }

    private FaultInjection.FaultPlan faultPlan() {
        try {
            return FaultInjection.FaultPlan.parse(faults);
        } catch (IllegalArgumentException e) {
            throw usage("--faults: " + e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
