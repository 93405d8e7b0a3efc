import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * `sfn run --local` against the command line of aws-local-stepfunctions (`local-sfn`, the npm peer the engine is
 * cross-checked against), whole process, side by side in one run: every repetition runs each workload once with
 * each command line, the order rotated from one repetition to the next, and the medians are compared (the ratio of
 * the medians, and the median of each repetition's ratio, whose two times ran under the same load). Run after
 * `./mvnw -B -q -pl cli -am package -DskipTests` and `(cd engine/crosscheck && npm ci)`:
 *
 *   java cli/bench/CliVsPeerBenchmark.java [--runs 5] [--loops 3000,6000] [--peer PATH] [--no-jar] [--baseline-jar JAR]
 *
 * Command lines: `cli/target/sfn` (the launcher: class-data sharing archive, C1, serial GC), `java -jar
 * cli/target/sfn.jar` (unless --no-jar), `java -jar JAR` for --baseline-jar (an sfn.jar built from another commit,
 * to compare before and after in the same run) and `local-sfn` (engine/crosscheck/node_modules/.bin/local-sfn or --peer).
 * Workloads: a 3-state Pass/Choice/Succeed machine, and a Choice loop (Check -> Increment -> Check, 4 history
 * events an iteration) of each --loops count. sfn prints every transition (two lines an iteration) to a file, the
 * peer prints only the result (it has no transition stream). Loops stop at 6,000 iterations by default: one
 * execution's history holds at most 25,000 events (AWS's quota, enforced by the engine), so 6,000 iterations
 * (24,006 events) is the longest loop one `sfn run` can follow. Every run's exit code and output are checked.
 * On a machine shared with other work the wall times measure the queue for the CPU too: the load average is
 * printed before and after.
 */
public class CliVsPeerBenchmark {
    private static final String THREE = """
            {"StartAt":"Prepare","States":{
             "Prepare":{"Type":"Pass","Result":{"ok":true},"ResultPath":"$.prep","Next":"Decide"},
             "Decide":{"Type":"Choice","Choices":[{"Variable":"$.prep.ok","BooleanEquals":true,"Next":"Done"}],"Default":"Done"},
             "Done":{"Type":"Succeed"}}}""";
    private static final String LOOP = """
            {"StartAt":"Init","States":{
             "Init":{"Type":"Pass","Parameters":{"i":0,"n.$":"$.n"},"Next":"Check"},
             "Check":{"Type":"Choice","Choices":[{"Variable":"$.i","NumericLessThanPath":"$.n","Next":"Increment"}],"Default":"Done"},
             "Increment":{"Type":"Pass","Parameters":{"i.$":"States.MathAdd($.i, 1)","n.$":"$.n"},"Next":"Check"},
             "Done":{"Type":"Succeed"}}}""";

    record Workload(String name, Path definition, String input, String expected, int minLines) {
    }

    record Cli(String name, List<String> command, boolean peer) {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        String loops = "3000,6000";
        Path peer = Path.of("engine/crosscheck/node_modules/.bin/local-sfn");
        boolean jar = true;
        Path baseline = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--loops" -> loops = args[++i];
                case "--peer" -> peer = Path.of(args[++i]);
                case "--no-jar" -> jar = false;
                case "--baseline-jar" -> baseline = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!Files.isExecutable(peer)) {
            throw new IllegalStateException(peer + " not found: run (cd engine/crosscheck && npm ci), or pass --peer PATH");
        }
        Path launcher = Path.of("cli/target/sfn");
        Path sfnJar = Path.of("cli/target/sfn.jar");
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(sfnJar)) {
            throw new IllegalStateException("cli/target/sfn not found: run ./mvnw -B -q -pl cli -am package -DskipTests");
        }
        String java = ProcessHandle.current().info().command().orElse("java");

        Path dir = Files.createTempDirectory("sfn-cli-bench");
        List<Workload> workloads = new ArrayList<>();
        workloads.add(new Workload("3-state Pass/Choice/Succeed", write(dir, "three", THREE), "{}", "ok", 8));
        for (String n : loops.split(",")) {
            int iterations = Integer.parseInt(n.trim());
            workloads.add(new Workload(String.format("Choice loop, %,d iterations", iterations), write(dir, "loop", LOOP),
                    "{\"n\":" + iterations + "}", "" + iterations, 4 * iterations));
        }
        List<Cli> clis = new ArrayList<>();
        clis.add(new Cli("sfn run --local", List.of(launcher.toString(), "run", "--local"), false));
        if (jar) {
            clis.add(new Cli("java -jar sfn.jar run --local", List.of(java, "-jar", sfnJar.toString(), "run", "--local"), false));
        }
        if (baseline != null) {
            clis.add(new Cli("baseline java -jar", List.of(java, "-jar", baseline.toString(), "run", "--local"), false));
        }
        clis.add(new Cli("local-sfn", List.of(peer.toString(), "-f"), true));

        System.out.printf("%d processors, java %s, node %s, load average before: %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), version("node", "--version"), loadAverage());
        Map<String, Map<String, List<Double>>> seconds = new LinkedHashMap<>();
        int turn = 0;
        for (int run = 1; run <= runs; run++) {
            for (Workload w : workloads) {
                StringBuilder line = new StringBuilder(String.format("run %d, %-32s", run, w.name()));
                for (int k = 0; k < clis.size(); k++) {
                    Cli cli = clis.get((k + turn) % clis.size());
                    double s = time(cli, w, dir);
                    seconds.computeIfAbsent(w.name(), x -> new LinkedHashMap<>()).computeIfAbsent(cli.name(), x -> new ArrayList<>()).add(s);
                    line.append(String.format("  %s %.2f s", cli.name(), s));
                }
                turn++;
                System.out.println(line);
            }
        }
        System.out.printf("%nmedians of %d runs (load average after: %s)%n", runs, loadAverage());
        StringBuilder header = new StringBuilder("| workload |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (Cli cli : clis) {
            header.append(" `").append(cli.name()).append("` |");
            rule.append(" ---: |");
        }
        for (Cli cli : clis) {
            if (!cli.peer()) {
                header.append(" `").append(cli.name()).append("` / peer |");
                rule.append(" ---: |");
            }
        }
        for (Cli cli : clis) {
            if (!cli.peer()) {
                header.append(" same-run ratio, `").append(cli.name()).append("` |");
                rule.append(" ---: |");
            }
        }
        System.out.println(header);
        System.out.println(rule);
        for (Workload w : workloads) {
            Map<String, List<Double>> byCli = seconds.get(w.name());
            double peerMedian = median(byCli.get("local-sfn"));
            StringBuilder row = new StringBuilder("| " + w.name() + " |");
            for (Cli cli : clis) {
                row.append(String.format(" %.2f s |", median(byCli.get(cli.name()))));
            }
            for (Cli cli : clis) {
                if (!cli.peer()) {
                    row.append(String.format(" %.2f |", median(byCli.get(cli.name())) / peerMedian));
                }
            }
            for (Cli cli : clis) {
                if (!cli.peer()) {
                    // each run's time over the peer's in the same run (both under the same load), their median
                    List<Double> ratios = new ArrayList<>();
                    for (int r = 0; r < runs; r++) {
                        ratios.add(byCli.get(cli.name()).get(r) / byCli.get("local-sfn").get(r));
                    }
                    row.append(String.format(" %.2f |", median(ratios)));
                }
            }
            System.out.println(row);
        }
    }

    private static Path write(Path dir, String name, String definition) throws IOException {
        Path file = Files.createDirectories(dir.resolve(name)).resolve("statemachine.asl.json");
        Files.writeString(file, definition);
        return file;
    }

    /** One whole process, its wall time; fails unless it succeeded with the expected output. */
    private static double time(Cli cli, Workload w, Path dir) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Path in = dir.resolve("in.json");
        Files.writeString(in, w.input());
        List<String> command = new ArrayList<>(cli.command());
        command.add(w.definition().toString());
        if (!cli.peer()) {
            // the peer reads its input from standard input when that is not a terminal
            command.addAll(List.of("--input", w.input()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(in.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(cli.name() + " on " + w.name() + " took over 300 s");
        }
        double s = (System.nanoTime() - start) / 1e9;
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        String text = String.join("\n", lines);
        if (process.exitValue() != 0 || !text.contains(w.expected()) || (!cli.peer() && lines.size() < w.minLines())) {
            throw new IllegalStateException(cli.name() + " on " + w.name() + ": exit " + process.exitValue() + ", "
                    + lines.size() + " lines, ends " + text.substring(Math.max(0, text.length() - 300)) + "\n"
                    + Files.readString(err));
        }
        return s;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String version(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
