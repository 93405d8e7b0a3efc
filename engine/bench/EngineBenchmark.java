import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.asl.StateMachineDefinition;
import io.jenkins.plugins.stepfunctions.engine.history.HistoryEvent;
import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import io.jenkins.plugins.stepfunctions.engine.run.Execution;
import io.jenkins.plugins.stepfunctions.engine.run.ExecutionEngine;
import io.jenkins.plugins.stepfunctions.engine.run.ExecutionStatus;
import io.jenkins.plugins.stepfunctions.engine.run.StartRequest;
import io.jenkins.plugins.stepfunctions.engine.server.EngineServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded engine against aws-local-stepfunctions (npm) on the same definitions, in one run:
 * a 1,000-state Pass chain, a Choice loop of 6,000 iterations, a Map over 6,000 items and
 * 10,000 small executions; then the heap held by 10,000 finished executions. (Before the engine enforced
 * AWS's 25,000-event history quota the loop and the Map ran 10,000 times: 40,000 events, which AWS
 * fails.)
 *
 * <p>Run from the repository root (the shaded sfn.jar carries the engine and its libraries;
 * Node.js and {@code npm ci --prefix engine/crosscheck} for the peer):
 * <pre>
 *   ./mvnw -B -q -pl cli -am package -DskipTests &amp;&amp; java -Xmx2g -cp cli/target/sfn.jar engine/bench/EngineBenchmark.java
 * </pre>
 * Our engine is measured in-process (ExecutionEngine.start, as EngineServer calls it) and over
 * HTTP (EngineServer on loopback, AWS JSON 1.0 StartExecution + DescribeExecution polling);
 * the peer through its JavaScript API (StateMachine.run), with Wait/retry delays at zero.
 * Transitions are states entered, counted from our engine's history of the same definition.
 * Each workload warms up (at least {@link #WARMUP_SECONDS}), then runs {@link #REPEATS} timed batches in-process and on the peer (the
 * fastest counts) and one batch over HTTP, on a fresh server (the server keeps every history).
 * {@code --no-http} and {@code --no-peer} leave those columns out.
 */
public class EngineBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::123456789012:role/bench";
    /** Timed batches per workload and engine; the fastest counts (a shared machine's noise only slows runs down). */
    private static final int REPEATS = 3;
    /**
     * Minimum warm-up per workload and engine. On a busy machine the JIT compiler threads get little
     * CPU, so a warm-up counted in executions alone can end before the hot paths are compiled.
     */
    private static final long WARMUP_SECONDS = 20;

    record Workload(String id, String title, ObjectNode definition, JsonNode input, int executions,
                    int concurrency, int warmup) {
    }

    record Measured(double seconds, long transitions, String sample) {
        double perSecond() {
            return transitions / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        // as `sfn local` does: without TCP_NODELAY the JDK server's small responses wait on delayed ACKs
        System.setProperty("sun.net.httpserver.nodelay", "true");
        boolean http = !List.of(args).contains("--no-http");
        boolean withPeer = !List.of(args).contains("--no-peer");
        // warm-up batches (at least WARMUP_SECONDS): both the JVM and Node compile the hot paths first
        List<Workload> workloads = List.of(
                new Workload("pass-chain", "1,000-state Pass chain (x100 executions)", passChain(1000), JSON.readTree("{\"n\":1}"), 100, 1, 100),
                new Workload("choice-loop", "Choice loop, 6,000 iterations (x5)", choiceLoop(6_000), JSON.readTree("{}"), 5, 1, 10),
                new Workload("map", "Map over 6,000 items (x3)", map(), items(6_000), 3, 1, 5),
                new Workload("small", "10,000 small executions (3 states, 64 in flight)", small(), JSON.readTree("{\"n\":1}"), 10_000, 64, 10_000));

        Map<String, Measured> inProcess = new LinkedHashMap<>();
        Map<String, Long> transitionsPerExecution = new LinkedHashMap<>();
        try (ExecutionEngine engine = new ExecutionEngine(new EngineConfig(Clock.systemUTC(), 1.0, null, null))) {
            for (Workload w : workloads) {
                StateMachineDefinition def = StateMachineDefinition.parse(w.definition().toString());
                Execution probe = runOne(engine, def, w, "probe");
                long transitions = statesEntered(probe);
                transitionsPerExecution.put(w.id(), transitions);
                long warmUntil = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
                do {
                    runMany(engine, def, w, w.warmup(), "warm");
                } while (System.nanoTime() < warmUntil);
                double seconds = Double.MAX_VALUE;
                Execution last = null;
                for (int r = 0; r < REPEATS; r++) {
                    long t0 = System.nanoTime();
                    last = runMany(engine, def, w, w.executions(), "run");
                    seconds = Math.min(seconds, (System.nanoTime() - t0) / 1e9);
                }
                inProcess.put(w.id(), new Measured(seconds, transitions * w.executions(), describe(last)));
                System.err.printf("engine in-process %-12s %,.0f transitions/s%n", w.id(), inProcess.get(w.id()).perSecond());
            }
        }

        Map<String, Measured> overHttp = new LinkedHashMap<>();
        if (http) {
            for (Workload w : workloads) {
                // a fresh server per workload: a server keeps every execution and its history, as AWS does
                try (EngineServer server = EngineServer.start("127.0.0.1", 0, new EngineConfig(Clock.systemUTC(), 1.0, null, null))) {
                    HttpApi api = new HttpApi(server.endpoint());
                    String smArn = api.call("CreateStateMachine", JSON.createObjectNode().put("name", "bench-" + w.id())
                            .put("definition", w.definition().toString()).put("roleArn", ROLE)).get("stateMachineArn").asText();
                    api.runMany(smArn, w.input().toString(), Math.max(1, w.warmup() / 4), w.concurrency());
                    long t0 = System.nanoTime();
                    String last = api.runMany(smArn, w.input().toString(), w.executions(), w.concurrency());
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    overHttp.put(w.id(), new Measured(seconds, transitionsPerExecution.get(w.id()) * w.executions(), last));
                    System.err.printf("engine over HTTP  %-12s %,.0f transitions/s%n", w.id(), overHttp.get(w.id()).perSecond());
                }
            }
        }

        Map<String, Measured> peer = withPeer ? runPeer(workloads, transitionsPerExecution) : Map.of();
        long heap = heapHeldByFinishedExecutions(10_000);

        StringBuilder out = new StringBuilder();
        out.append("Measured ").append(Instant.now().toString(), 0, 16).append("Z on ").append(machine()).append(".\n\n");
        out.append("| workload | transitions per execution | engine in-process (transitions/s) | engine over HTTP (transitions/s)"
                + " | aws-local-stepfunctions (transitions/s) | in-process / peer |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Workload w : workloads) {
            Measured ours = inProcess.get(w.id());
            Measured viaHttp = overHttp.get(w.id());
            Measured theirs = peer.get(w.id());
            out.append(String.format("| %s | %,d | %,.0f | %s | %s | %s |%n", w.title(), transitionsPerExecution.get(w.id()),
                    ours.perSecond(), viaHttp == null ? "not run" : String.format("%,.0f", viaHttp.perSecond()),
                    theirs == null ? "not run" : String.format("%,.0f", theirs.perSecond()),
                    theirs == null ? "-" : String.format("%.1fx", ours.perSecond() / theirs.perSecond())));
        }
        out.append(String.format("%nHeap held by 10,000 finished small executions (with their histories), after a forced GC: "
                + "%.1f MiB (%,d bytes per execution); goal < 256 MiB.%n", heap / 1048576.0, heap / 10_000));
        out.append("\nLast results (sanity): ");
        for (Workload w : workloads) {
            out.append(w.id()).append(" ours=").append(inProcess.get(w.id()).sample())
                    .append(peer.containsKey(w.id()) ? " peer=" + peer.get(w.id()).sample() : "").append("; ");
        }
        System.out.println(out);
    }

    // ---- definitions: the same JSON goes to both engines ----

    static ObjectNode passChain(int states) {
        ObjectNode def = JSON.createObjectNode().put("StartAt", "S0");
        ObjectNode all = def.putObject("States");
        for (int i = 0; i < states; i++) {
            ObjectNode s = all.putObject("S" + i).put("Type", "Pass");
            if (i + 1 < states) {
                s.put("Next", "S" + (i + 1));
            } else {
                s.put("End", true);
            }
        }
        return def;
    }

    static ObjectNode choiceLoop(int iterations) throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"StartAt": "Init", "States": {
                  "Init": {"Type": "Pass", "Result": {"i": 0}, "Next": "Loop"},
                  "Loop": {"Type": "Choice", "Choices": [{"Variable": "$.i", "NumericLessThan": %d, "Next": "Increment"}],
                           "Default": "Done"},
                  "Increment": {"Type": "Pass", "Parameters": {"i.$": "States.MathAdd($.i, 1)"}, "Next": "Loop"},
                  "Done": {"Type": "Succeed"}}}
                """.formatted(iterations));
    }

    static ObjectNode map() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"StartAt": "Each", "States": {
                  "Each": {"Type": "Map", "ItemsPath": "$", "MaxConcurrency": 0,
                           "ItemProcessor": {"StartAt": "Item", "States": {"Item": {"Type": "Pass", "End": true}}},
                           "End": true}}}
                """);
    }

    static ObjectNode small() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"StartAt": "Prepare", "States": {
                  "Prepare": {"Type": "Pass", "Parameters": {"n.$": "$.n", "greeting": "hello"}, "Next": "Check"},
                  "Check": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 0, "Next": "Done"}],
                            "Default": "Done"},
                  "Done": {"Type": "Succeed"}}}
                """);
    }

    static ArrayNode items(int n) {
        ArrayNode a = JSON.createArrayNode();
        for (int i = 0; i < n; i++) {
            a.add(i);
        }
        return a;
    }

    // ---- our engine, in-process ----

    private static final AtomicInteger NAMES = new AtomicInteger();

    static Execution runOne(ExecutionEngine engine, StateMachineDefinition def, Workload w, String tag) {
        return start(engine, def, w.id(), w.input().toString(), tag).completion().join();
    }

    static Execution start(ExecutionEngine engine, StateMachineDefinition def, String machine, String input, String tag) {
        String name = tag + "-" + NAMES.incrementAndGet();
        String smArn = "arn:aws:states:us-east-1:123456789012:stateMachine:bench-" + machine;
        return engine.start(new StartRequest("arn:aws:states:us-east-1:123456789012:execution:bench-" + machine + ":" + name,
                name, smArn, "bench-" + machine, ROLE, def, input, "STANDARD", null, null));
    }

    /** Runs {@code count} executions with at most {@code w.concurrency()} in flight; returns the last. */
    static Execution runMany(ExecutionEngine engine, StateMachineDefinition def, Workload w, int count, String tag)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(w.concurrency());
        List<CompletableFuture<Execution>> running = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            CompletableFuture<Execution> done = start(engine, def, w.id(), w.input().toString(), tag).completion();
            done.whenComplete((e, t) -> inFlight.release());
            running.add(done);
        }
        Execution last = null;
        for (CompletableFuture<Execution> f : running) {
            last = f.join();
            if (last.status() != ExecutionStatus.SUCCEEDED) {
                throw new IllegalStateException(w.id() + " ended " + last.status() + ": " + last.error() + " " + last.cause());
            }
        }
        return last;
    }

    static long statesEntered(Execution e) {
        return e.history().slice(0, e.history().size()).stream().map(HistoryEvent::type)
                .filter(t -> t.endsWith("StateEntered")).count();
    }

    static String describe(Execution e) {
        return summarise(e.status().name(), e.output());
    }

    static String summarise(String status, String output) {
        try {
            JsonNode out = output == null ? null : JSON.readTree(output);
            return status + (out == null ? "" : out.isArray() ? " [" + out.size() + " items]" : " " + out);
        } catch (Exception e) {
            return status + " " + output;
        }
    }

    /** Heap retained by {@code count} finished executions held by reference, after a forced GC. */
    static long heapHeldByFinishedExecutions(int count) throws Exception {
        try (ExecutionEngine engine = new ExecutionEngine(new EngineConfig(Clock.systemUTC(), 1.0, null, null))) {
            StateMachineDefinition def = StateMachineDefinition.parse(small().toString());
            Workload w = new Workload("heap", "", small(), JSON.readTree("{\"n\":1}"), count, 64, 0);
            runMany(engine, def, w, 1000, "warm");
            long before = usedAfterGc();
            Semaphore inFlight = new Semaphore(64);
            List<Execution> kept = new ArrayList<>(count);
            List<CompletableFuture<Execution>> running = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                inFlight.acquire();
                CompletableFuture<Execution> done = start(engine, def, "heap", w.input().toString(), "heap").completion();
                done.whenComplete((e, t) -> inFlight.release());
                running.add(done);
            }
            running.forEach(f -> kept.add(f.join()));
            running.clear();
            long after = usedAfterGc();
            System.err.printf("heap: %d executions retained, %,d bytes%n", kept.size(), after - before);
            return after - before;
        }
    }

    static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ---- our engine, over HTTP (AWS JSON 1.0, what the SDK sends) ----

    static final class HttpApi {
        private final HttpClient client = HttpClient.newHttpClient();
        private final URI endpoint;

        HttpApi(URI endpoint) {
            this.endpoint = endpoint;
        }

        JsonNode call(String op, ObjectNode body) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .header("X-Amz-Target", "AWSStepFunctions." + op)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(op + " -> " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        }

        /** StartExecution, then DescribeExecution until done; returns the last execution's status and output. */
        String runMany(String smArn, String input, int count, int concurrency) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    results.add(pool.submit(() -> {
                        String arn = call("StartExecution", JSON.createObjectNode().put("stateMachineArn", smArn)
                                .put("input", input)).get("executionArn").asText();
                        long pause = 1;
                        while (true) {
                            JsonNode d = call("DescribeExecution", JSON.createObjectNode().put("executionArn", arn));
                            if (!"RUNNING".equals(d.path("status").asText())) {
                                if (!"SUCCEEDED".equals(d.path("status").asText())) {
                                    throw new IllegalStateException(arn + " ended " + d);
                                }
                                return summarise(d.path("status").asText(), d.path("output").asText(null));
                            }
                            Thread.sleep(pause);
                            pause = Math.min(pause * 2, 20);
                        }
                    }));
                }
                String last = null;
                for (Future<String> f : results) {
                    last = f.get();
                }
                return last;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    // ---- the peer: aws-local-stepfunctions through engine/crosscheck/run.cjs ----

    static Map<String, Measured> runPeer(List<Workload> workloads, Map<String, Long> transitions) throws Exception {
        Map<String, Measured> out = new LinkedHashMap<>();
        File dir = new File("engine/crosscheck");
        if (!new File(dir, "node_modules/aws-local-stepfunctions").isDirectory()) {
            System.err.println("peer not run: npm ci --prefix engine/crosscheck (and Node.js) needed");
            return out;
        }
        Process p = new ProcessBuilder("node", "run.cjs", "bench").directory(dir)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = p.getOutputStream()) {
            for (Workload w : workloads) {
                ObjectNode request = JSON.createObjectNode().put("id", w.id()).put("executions", w.executions())
                        .put("concurrency", w.concurrency()).put("warmup", w.warmup()).put("warmupSeconds", WARMUP_SECONDS).put("repeats", REPEATS);
                request.set("definition", w.definition());
                request.set("input", w.input());
                in.write((request + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode answer = JSON.readTree(line);
                String id = answer.get("id").asText();
                if (answer.path("failed").asInt() > 0 || answer.has("cause")) {
                    System.err.println("peer " + id + " failed: " + answer);
                    continue;
                }
                Workload w = workloads.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
                JsonNode sample = answer.path("sample");
                JsonNode output = sample.path("output");
                String shown = sample.path("status").asText() + (output.has("length") ? " [" + output.get("length") + " items]" : " " + output);
                Measured m = new Measured(answer.get("seconds").asDouble(), transitions.get(id) * w.executions(), shown);
                out.put(id, m);
                System.err.printf("aws-local-stepfunctions %-12s %,.0f transitions/s%n", id, m.perSecond());
            }
        }
        p.waitFor();
        return out;
    }

    static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.format("%s %s, %d CPUs, Java %s, max heap %d MiB, load average %.1f",
                System.getProperty("os.name"), System.getProperty("os.arch"), rt.availableProcessors(),
                System.getProperty("java.version"), rt.maxMemory() / 1048576,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
