import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long `sfn local` takes from process start to its first answered API request.
 * Run after `./mvnw -pl engine,cli -am package`:
 *   java cli/bench/LocalStartupBenchmark.java cli/target/sfn.jar 10
 *   java cli/bench/LocalStartupBenchmark.java cli/target/sfn 10       (the launcher, with its class-data archive)
 * For each run it picks a free port, starts `java -jar sfn.jar local --port P` (or `sfn local --port P`), and sends
 * ListStateMachines every 5 ms until one is answered with HTTP 200. Besides the wall-clock time it
 * reports the CPU time the process had used by then: on a machine shared with other work the wall
 * time mostly measures the queue for the CPU, the CPU time what starting up costs.
 */
public class LocalStartupBenchmark {
    public static void main(String[] args) throws Exception {
        String jar = args.length > 0 ? args[0] : "cli/target/sfn.jar";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<Double> millis = new ArrayList<>();
        List<Double> cpuMillis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            long start = System.nanoTime();
            List<String> command = new ArrayList<>(jar.endsWith(".jar") ? List.of(javaCommand, "-jar", jar) : List.of(jar));
            command.addAll(List.of("local", "--port", Integer.toString(port)));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                while (!answers(port)) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("sfn local exited with " + process.exitValue());
                    }
                    if (System.nanoTime() - start > 30_000_000_000L) {
                        throw new IllegalStateException("sfn local did not answer within 30 s");
                    }
                    Thread.sleep(5);
                }
                millis.add((System.nanoTime() - start) / 1e6);
                cpuMillis.add(process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN));
                if (i == runs - 1) {
                    callLatency(port);
                }
            } finally {
                process.destroy();
                process.waitFor();
            }
        }
        System.out.printf("sfn local, process start to first answered request, %d runs:%n", runs);
        print("wall time", millis);
        print("CPU time ", cpuMillis);
        System.out.printf("java %s, %d processors, load average %.1f%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Sequential ListStateMachines calls on one keep-alive connection, after 500 to warm up. */
    private static void callLatency(int port) throws IOException {
        for (int i = 0; i < 500; i++) {
            answers(port);
        }
        List<Double> micros = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            long start = System.nanoTime();
            if (!answers(port)) {
                throw new IllegalStateException("call " + i + " failed");
            }
            micros.add((System.nanoTime() - start) / 1e3);
        }
        Collections.sort(micros);
        double total = micros.stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("2000 sequential calls on one connection: %.0f calls/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
                2000 / (total / 1e6), micros.get(1000) / 1e3, micros.get(1900) / 1e3, micros.get(1980) / 1e3);
    }

    private static void print(String what, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf("  %s: median %.0f ms, min %.0f ms, max %.0f ms%n",
                what, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private static boolean answers(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/").openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("X-Amz-Target", "AWSStepFunctions.ListStateMachines");
            connection.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
            connection.getOutputStream().write("{}".getBytes(StandardCharsets.UTF_8));
            boolean ok = connection.getResponseCode() == 200;
            // Reading the whole answer returns the connection to the keep-alive cache for the next call.
            connection.getInputStream().readAllBytes();
            return ok;
        } catch (IOException notYet) {
            return false;
        }
    }
}
