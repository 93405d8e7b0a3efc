import io.jenkins.plugins.stepfunctions.bridge.render.RenderedLine;
import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import io.jenkins.plugins.stepfunctions.bridge.watch.ExecutionFollower;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowListener;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowScheduler;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowState;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowStats;
import io.jenkins.plugins.stepfunctions.bridge.watch.Following;
import io.jenkins.plugins.stepfunctions.bridge.watch.PollingPolicy;
import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import io.jenkins.plugins.stepfunctions.engine.server.EngineServer;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The bridge's follower against a naive one (DescribeExecution every 5 s, then the whole history
 * re-read), in one run, on the embedded engine over HTTP through the real SDK:
 * 1. calls per execution and transition-to-log-line latency (3 executions of 12 one-second steps);
 * 2. heap while following a finished 25,000-event history;
 * 3. 1,000 concurrent executions followed by one JVM: threads, calls per second, and the throttles
 *    AWS would answer (a token bucket of 250 refilled at 20/s, replayed over the recorded calls).
 *
 * Run from the repository root after `./mvnw -B -q -pl cli -am package -DskipTests`:
 *     java -Xmx512m -cp cli/target/sfn.jar bridge/bench/BridgeBenchmark.java [executions-for-part-3 [parts, e.g. 1,2]]
 * (part 2 alone under -Xmx64m shows the 25,000-event follow fits the heap goal).
 */
public class BridgeBenchmark {
    static final String STEPS;
    static {
        StringBuilder s = new StringBuilder("{\"StartAt\":\"Step1\",\"States\":{");
        for (int i = 1; i <= 12; i++) {
            s.append("\"Step").append(i).append("\":{\"Type\":\"Wait\",\"Seconds\":10,")
                    .append(i == 12 ? "\"End\":true}" : "\"Next\":\"Step" + (i + 1) + "\"},");
        }
        STEPS = s.append("}}").toString();
    }
    static final String BIG_MAP = """
            {"StartAt":"Fan","States":{"Fan":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":0,
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""";
    static final String TWO_WAITS = """
            {"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":10,"Next":"B"},"B":{"Type":"Pass","Next":"C"},
             "C":{"Type":"Wait","Seconds":10,"End":true}}}""";

    /** Every SDK call, with its time: counted per operation and replayed against AWS's throttling bucket. */
    static final class CallLog implements ExecutionInterceptor {
        final ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
        final AtomicLong count = new AtomicLong();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            times.add(System.nanoTime());
            count.incrementAndGet();
        }

        void reset() {
            times.clear();
            count.set(0);
        }

        /** Calls AWS would throttle: bucket of 250, refilled at 20 per second. */
        long throttled() {
            List<Long> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            double tokens = 250;
            long last = sorted.isEmpty() ? 0 : sorted.get(0);
            long refused = 0;
            for (long t : sorted) {
                tokens = Math.min(250, tokens + (t - last) / 1e9 * 20);
                last = t;
                if (tokens >= 1) {
                    tokens -= 1;
                } else {
                    refused++;
                }
            }
            return refused;
        }

        double peakPerSecond() {
            List<Long> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            int best = 0;
            int j = 0;
            for (int i = 0; i < sorted.size(); i++) {
                while (sorted.get(i) - sorted.get(j) > 1_000_000_000L) {
                    j++;
                }
                best = Math.max(best, i - j + 1);
            }
            return best;
        }
    }

    static SfnClient client(EngineServer server, CallLog log) {
        return client(server, log, false);
    }

    /** @param sdkRetries the SDK's standard retries (the naive follower's only protection) instead of none */
    static SfnClient client(EngineServer server, CallLog log, boolean sdkRetries) {
        return SfnClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(log)
                        .retryStrategy(sdkRetries ? AwsRetryStrategy.standardRetryStrategy() : AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** The naive follower: every 5 s DescribeExecution, then the whole history again; prints what is new. */
    static final class NaiveFollower {
        final SfnClient sfn;
        final String arn;
        final List<Long> latencies;
        long seen;
        long retained;

        NaiveFollower(SfnClient sfn, String arn, List<Long> latencies) {
            this.sfn = sfn;
            this.arn = arn;
            this.latencies = latencies;
        }

        void run(Runnable afterEachPoll) throws InterruptedException {
            while (true) {
                String status = sfn.describeExecution(b -> b.executionArn(arn)).statusAsString();
                List<HistoryEvent> all = new ArrayList<>();
                String token = null;
                do {
                    String t = token;
                    GetExecutionHistoryResponse r = sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(1000).nextToken(t));
                    all.addAll(r.events());
                    token = r.nextToken();
                } while (token != null);
                long now = System.currentTimeMillis();
                for (HistoryEvent e : all) {
                    if (e.id() > seen) {
                        seen = e.id();
                        if (latencies != null) {
                            latencies.add(now - e.timestamp().toEpochMilli());
                        }
                    }
                }
                retained = all.size();
                afterEachPoll.run();
                if (!status.equals("RUNNING")) {
                    return;
                }
                Thread.sleep(5000);
            }
        }
    }

    static String percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? "-" : sorted.get((int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1)))) + " ms";
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static void main(String[] args) throws Exception {
        int concurrent = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        System.out.printf("BridgeBenchmark: Java %s, %d CPUs, -Xmx %d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        String parts = args.length > 1 ? args[1] : "1,2,3";
        if (parts.contains("1")) {
            latencyAndCalls();
        }
        if (parts.contains("2")) {
            heap();
        }
        if (parts.contains("3")) {
            concurrency(concurrent);
        }
    }

    static void latencyAndCalls() throws Exception {
        CallLog bridgeLog = new CallLog();
        CallLog naiveLog = new CallLog();
        try (EngineServer server = EngineServer.start("127.0.0.1", 0, new EngineConfig(Clock.systemUTC(), 0.1, null, null));
             SfnClient bridgeSfn = client(server, bridgeLog); SfnClient naiveSfn = client(server, naiveLog, true);
             FollowScheduler scheduler = FollowScheduler.create(2, 16)) {
            String machine = bridgeSfn.createStateMachine(b -> b.name("steps").definition(STEPS)
                    .roleArn("arn:aws:iam::123456789012:role/r")).stateMachineArn();
            bridgeLog.reset();
            List<Long> bridgeLatency = Collections.synchronizedList(new ArrayList<>());
            List<Long> naiveLatency = Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<?>> done = new ArrayList<>();
            List<FollowStats> stats = new ArrayList<>();
            long events = 0;
            List<String> arns = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String arn = naiveSfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
                naiveLog.reset();
                arns.add(arn);
                FollowStats s = new FollowStats();
                stats.add(s);
                FollowListener listener = new FollowListener() {
                    @Override
                    public void line(RenderedLine line) {
                    }

                    @Override
                    public void event(HistoryEvent e) {
                        bridgeLatency.add(System.currentTimeMillis() - e.timestamp().toEpochMilli());
                    }
                };
                done.add(scheduler.follow(new ExecutionFollower(bridgeSfn, FollowState.start(arn), listener,
                        PollingPolicy.defaults(), Clock.systemUTC(), new Random(i), s), "bench").result());
                NaiveFollower naive = new NaiveFollower(naiveSfn, arn, naiveLatency);
                done.add(CompletableFuture.runAsync(() -> {
                    try {
                        naive.run(() -> { });
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            naiveLog.reset();
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            for (String arn : arns) {
                events += bridgeSfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(1000)).events().size();
            }
            long historyCalls = stats.stream().mapToLong(FollowStats::historyCalls).sum();
            long other = stats.stream().mapToLong(FollowStats::otherCalls).sum();
            long productive = stats.stream().mapToLong(FollowStats::productivePolls).sum();
            long idle = stats.stream().mapToLong(FollowStats::idlePolls).sum();
            System.out.println();
            System.out.println("1. Calls and latency: 3 executions x 12 Wait steps of 1 s (" + events / 3 + " events each), followed by both at once");
            System.out.printf("   bridge: %.1f calls/execution (%d history calls: %d polls that found events + %d idle polls; %d other), latency p50 %s, p95 %s%n",
                    (historyCalls + other) / 3.0, historyCalls, productive, idle, other,
                    percentile(bridgeLatency, 0.5), percentile(bridgeLatency, 0.95));
            System.out.printf("   bridge calls beyond one per poll: %d (%.1f%%)%n", historyCalls + other - productive - idle,
                    100.0 * (historyCalls + other - productive - idle) / Math.max(1, productive + idle));
            System.out.printf("   naive:  %.1f calls/execution, latency p50 %s, p95 %s, events fetched %s times over%n",
                    naiveLog.count.get() / 3.0, percentile(naiveLatency, 0.5), percentile(naiveLatency, 0.95), "many");
        }
    }

    static void heap() throws Exception {
        CallLog log = new CallLog();
        try (EngineServer server = EngineServer.start("127.0.0.1", 0, new EngineConfig(Clock.systemUTC(), 0.01, null, null));
             SfnClient sfn = client(server, log)) {
            String machine = sfn.createStateMachine(b -> b.name("big").definition(BIG_MAP)
                    .roleArn("arn:aws:iam::123456789012:role/r")).stateMachineArn();
            StringBuilder items = new StringBuilder("{\"items\":[");
            for (int i = 0; i < 6249; i++) {
                items.append(i == 0 ? "" : ",").append(i);
            }
            String input = items.append("]}").toString();
            String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input(input)).executionArn();
            while (sfn.describeExecution(b -> b.executionArn(arn)).statusAsString().equals("RUNNING")) {
                Thread.sleep(100);
            }
            long baseline = usedHeapAfterGc();
            AtomicLong lines = new AtomicLong();
            AtomicLong events = new AtomicLong();
            FollowListener counting = new FollowListener() {
                @Override
                public void line(RenderedLine line) {
                    lines.incrementAndGet();
                }

                @Override
                public void event(HistoryEvent e) {
                    events.incrementAndGet();
                }
            };
            FollowStats stats = new FollowStats();
            ExecutionFollower follower = new ExecutionFollower(sfn, FollowState.start(arn), counting, PollingPolicy.defaults(),
                    Clock.systemUTC(), new Random(1), stats);
            long peak = 0;
            while (!(follower.advance() instanceof io.jenkins.plugins.stepfunctions.bridge.watch.Advance.Finished)) {
                peak = Math.max(peak, usedHeapAfterGc() - baseline);
            }
            long retained = usedHeapAfterGc() - baseline;
            int serialised = serialisedSize(follower.state());
            System.out.println();
            System.out.printf("2. Heap, following a finished %d-event history (Map of 6,249 iterations)%n", events.get());
            System.out.printf("   bridge: peak %.1f MiB above baseline (after GC, between pages), %.1f MiB held at the end; %d calls; %d log lines; saved state %d KiB%n",
                    peak / 1048576.0, retained / 1048576.0, stats.calls(), lines.get(), serialised / 1024);
            baseline = usedHeapAfterGc();
            long[] naivePeak = {0};
            NaiveFollower naive = new NaiveFollower(sfn, arn, null);
            log.reset();
            naive.run(() -> naivePeak[0] = Math.max(naivePeak[0], usedHeapAfterGc() - 0));
            long naiveHeld = naivePeak[0] - baseline;
            System.out.printf("   naive:  %.1f MiB held while printing (the whole history in memory), %d calls for one look%n",
                    naiveHeld / 1048576.0, log.count.get());
            if (follower.state().outcome() == null || naive.retained == 0) {
                throw new IllegalStateException("heap run did not finish");
            }
        }
    }

    static int serialisedSize(Object o) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.size();
    }

    static void concurrency(int n) throws Exception {
        for (boolean bridge : new boolean[] {true, false}) {
            CallLog log = new CallLog();
            try (EngineServer server = EngineServer.start("127.0.0.1", 0, new EngineConfig(Clock.systemUTC(), 0.5, null, null));
                 SfnClient sfn = client(server, log, !bridge)) {
                String machine = sfn.createStateMachine(b -> b.name("two-waits").definition(TWO_WAITS)
                        .roleArn("arn:aws:iam::123456789012:role/r")).stateMachineArn();
                List<String> arns = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    arns.add(sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn());
                }
                log.reset();
                int threadsBefore = Thread.activeCount();
                int peakThreads = threadsBefore;
                long start = System.nanoTime();
                Set<String> finished = Collections.synchronizedSet(new HashSet<>());
                AtomicLong crashed = new AtomicLong();
                List<CompletableFuture<?>> all = new ArrayList<>();
                FollowScheduler scheduler = bridge ? FollowScheduler.create(2, 16) : null;
                for (String arn : arns) {
                    if (bridge) {
                        all.add(scheduler.follow(new ExecutionFollower(sfn, FollowState.start(arn), line -> { },
                                PollingPolicy.defaults(), Clock.systemUTC(), new Random(arn.hashCode()), new FollowStats()), "bench")
                                .result().thenAccept(o -> finished.add(arn)));
                    } else {
                        Thread t = new Thread(() -> {
                            try {
                                new NaiveFollower(sfn, arn, null).run(() -> { });
                                finished.add(arn);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } catch (RuntimeException e) {
                                crashed.incrementAndGet();
                            }
                        });
                        t.start();
                        all.add(CompletableFuture.runAsync(() -> {
                            try {
                                t.join();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }, r -> new Thread(r).start()));
                    }
                }
                peakThreads = Math.max(peakThreads, Thread.activeCount());
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(15, TimeUnit.MINUTES);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (scheduler != null) {
                    scheduler.close();
                }
                System.out.println();
                if (bridge) {
                    System.out.printf("3. %d concurrent executions (10 s Wait, Pass, 10 s Wait each), one JVM%n", n);
                }
                System.out.printf("   %s: %d threads following, %d calls (%.1f/execution) in %.0f s = %.1f calls/s average, %.0f peak in 1 s; AWS would throttle %d; %d/%d followed to the end%s%n",
                        bridge ? "bridge (one scheduler, 2 threads, budget 16/s)" : "naive (a thread per execution)",
                        bridge ? 2 : peakThreads - threadsBefore, log.count.get(), log.count.get() / (double) n, seconds,
                        log.count.get() / seconds, log.peakPerSecond(), log.throttled(), finished.size(), n,
                        crashed.get() == 0 ? "" : " (" + crashed.get() + " gave up after the SDK's retries: connect timeouts)");
            }
        }
    }
}
