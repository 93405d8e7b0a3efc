package io.jenkins.plugins.stepfunctions.testing;

import io.jenkins.plugins.stepfunctions.bridge.watch.PollingPolicy;
import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import io.jenkins.plugins.stepfunctions.engine.server.EngineServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Runs suites on the embedded engine, in this process: one engine server on loopback per state machine
 * (with that state machine's mock config), driven through the AWS SDK and the bridge as {@code sfn run
 * --local} drives it, every test case of every suite in parallel.
 */
public final class TestRunner {
    /**
     * Waits, retry intervals and timeouts 1,000 times shorter: a 30 s Wait takes 30 ms, an hour's approval
     * heartbeat 3.6 s, time enough for the runner to find the approval and answer it.
     */
    public static final double DEFAULT_TIME_SCALE = 0.001;

    /**
     * @param timeScale   multiplies Waits, retry delays and timeouts, unless a test file sets its own
     * @param parallelism how many test cases run at once
     * @param limit       wall time after which a test case is stopped and fails
     */
    public record Options(double timeScale, int parallelism, Duration limit) {
        public static Options defaults() {
            return new Options(DEFAULT_TIME_SCALE, Math.max(8, 4 * Runtime.getRuntime().availableProcessors()),
                    Duration.ofSeconds(120));
        }
    }

    /** One test case's result: empty {@code differences} when it passed. */
    public record CaseResult(Suite suite, TestCaseSpec spec, Observed observed, List<String> differences) {
        public boolean passed() {
            return differences.isEmpty();
        }
    }

    /** Every case's result, in suite and file order, and the coverage of each suite. */
    public record Results(List<CaseResult> cases, Map<Suite, Coverage.Report> coverage, Duration duration) {
        public boolean allPassed() {
            return cases.stream().allMatch(CaseResult::passed);
        }

        public long failures() {
            return cases.stream().filter(c -> !c.passed()).count();
        }

        /** All suites' items together. */
        public Coverage.Report total() {
            List<Coverage.Item> items = new ArrayList<>();
            java.util.Set<Coverage.Item> covered = new java.util.LinkedHashSet<>();
            coverage.forEach((suite, report) -> {
                report.items().forEach(i -> items.add(new Coverage.Item(i.kind(), suite.name() + "/" + i.state(), i.index(), i.label())));
                report.covered().forEach(i -> covered.add(new Coverage.Item(i.kind(), suite.name() + "/" + i.state(), i.index(), i.label())));
            });
            return new Coverage.Report(items, covered);
        }
    }

    private final Options options;

    public TestRunner(Options options) {
        this.options = options;
    }

    public Results run(List<Suite> suites) throws InterruptedException {
        long started = System.nanoTime();
        List<EngineServer> servers = new ArrayList<>();
        List<SfnClient> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.parallelism()), daemon());
        try {
            List<Future<CaseResult>> futures = new ArrayList<>();
            for (Suite suite : suites) {
                double scale = suite.timeScale() != null ? suite.timeScale() : options.timeScale();
                EngineServer server = EngineServer.start("127.0.0.1", 0, new EngineConfig(Clock.systemUTC(), scale, suite.mockConfig(), null));
                servers.add(server);
                SfnClient sfn = client(server.endpoint());
                clients.add(sfn);
                String arn = sfn.createStateMachine(b -> b.name(suite.name()).definition(suite.definition().json())
                        .roleArn("arn:aws:iam::123456789012:role/sfn-test")).stateMachineArn();
                // polls every 5 ms while the execution moves, backing off to at most 300 ms while it waits
                CaseRunner runner = new CaseRunner(sfn, PollingPolicy.defaults().scaled(0.01).pacedAt(scale), options.limit());
                for (TestCaseSpec spec : suite.cases()) {
                    futures.add(pool.submit(() -> {
                        Observed observed = runner.run(arn, spec);
                        return new CaseResult(suite, spec, observed, Checks.differences(suite, spec, observed));
                    }));
                }
            }
            List<CaseResult> results = new ArrayList<>();
            for (Future<CaseResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a test case could not run: " + e.getCause(), e.getCause());
                }
            }
            Map<Suite, Coverage.Report> coverage = new LinkedHashMap<>();
            for (Suite suite : suites) {
                Coverage.Report report = Coverage.Report.of(suite.definition().graph());
                results.stream().filter(r -> r.suite() == suite)
                        .forEach(r -> Coverage.record(report, suite.definition().graph(), r.observed().events()));
                coverage.put(suite, report);
            }
            return new Results(List.copyOf(results), coverage, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded engine", e);
        } finally {
            pool.shutdownNow();
            clients.forEach(SfnClient::close);
            servers.forEach(EngineServer::close);
        }
    }

    private static SfnClient client(URI endpoint) {
        return SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sfn-test", "local")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(70)).build())
                .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sfn-test-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
