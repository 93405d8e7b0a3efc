package io.jenkins.plugins.stepfunctions.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Every case recorded against AWS (src/test/resources/conformance/cases) runs on one embedded
 * engine server through the real AWS SDK over HTTP and must match AWS's status, output, error,
 * cause and event sequence, normalised as the corpus's Python runner normalises them. Cases run
 * concurrently when the server starts; each test awaits its own case.
 *
 * <p>{@code -Dconformance.endpoint=http://host:port} runs the cases against another endpoint
 * instead (started with cases/_mock-config.json for the mocked cases). {@code -Dconformance.prune=true}
 * deletes from src/test/resources/conformance/known-failures.txt the lines of cases that pass now.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformanceTest {
    /** Waits and retry delays of the corpus are seconds long; none of its outputs depend on real time. */
    private static final double TIME_SCALE = 0.01;
    private static final Duration CASE_TIMEOUT = Duration.ofSeconds(Long.getLong("conformance.caseTimeout", 20));
    private static final int PARALLEL_CASES = Integer.getInteger("conformance.jobs", 8);

    /** One case's verdicts: null when it matches AWS, else the first difference. */
    record Outcome(String diff, String diffWithoutEvents, String status, double seconds) {
    }

    private final List<ConformanceCase> cases = ConformanceCase.loadAll();
    private final KnownFailures knownFailures = KnownFailures.load();
    private final Map<String, CompletableFuture<Outcome>> outcomes = new LinkedHashMap<>();
    private TestEngine engine;
    private SfnClient client;
    private ExecutorService pool;

    @BeforeAll
    void startEngineAndRunEveryCase() throws IOException {
        String external = System.getProperty("conformance.endpoint");
        if (external != null && !external.isBlank()) {
            client = TestEngine.client(URI.create(external), Region.US_EAST_1, RetryPolicy.none());
        } else {
            engine = TestEngine.options().timeScale(TIME_SCALE).mockConfig(ConformanceCase.mockConfig()).serve();
            client = engine.sfn();
        }
        pool = Executors.newFixedThreadPool(PARALLEL_CASES);
        CaseExecution execution = new CaseExecution(client, CASE_TIMEOUT);
        for (ConformanceCase c : cases) {
            outcomes.put(c.id(), CompletableFuture.supplyAsync(() -> run(execution, c), pool));
        }
    }

    Stream<Named<ConformanceCase>> cases() {
        return cases.stream().map(c -> Named.of(c.id(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void engineMatchesTheAwsRecording(ConformanceCase c) {
        Outcome outcome = outcomes.get(c.id()).join();
        if (knownFailures.contains(c.id())) {
            assertThat(outcome.diff())
                    .as("%s is listed in known-failures.txt (%s) but passes now: remove it from known-failures.txt",
                            c.id(), knownFailures.reason(c.id()))
                    .isNotNull();
            Assumptions.abort("known failure (" + knownFailures.reason(c.id()) + "): " + outcome.diff());
        }
        assertThat(outcome.diff()).as("%s differs from AWS's recording", c.id()).isNull();
    }

    @Test
    void knownFailuresNameOnlyCasesOfTheCorpus() {
        List<String> ids = cases.stream().map(ConformanceCase::id).toList();
        assertThat(ids).containsAll(knownFailures.reasons().keySet());
        assertThat(knownFailures.reasons()).allSatisfy((id, reason) ->
                assertThat(reason).as("reason for %s", id).isNotBlank());
    }

    @AfterAll
    void reportAndStop() throws IOException {
        try {
            writeResults();
            if (Boolean.getBoolean("conformance.prune")) {
                pruneKnownFailures();
            }
        } finally {
            pool.shutdownNow();
            if (engine != null) {
                engine.close();
            } else {
                client.close();
            }
        }
    }

    private static Outcome run(CaseExecution execution, ConformanceCase c) {
        long t0 = System.nanoTime();
        String diff;
        String diffWithoutEvents;
        String status = null;
        try {
            CaseExecution.Result result = execution.run(c);
            status = result.status();
            diff = CaseVerdict.check(c, result, true);
            diffWithoutEvents = CaseVerdict.check(c, result, false);
        } catch (AwsServiceException e) {
            diff = diffWithoutEvents = "API error: HTTP " + e.statusCode() + " " + e.awsErrorDetails().errorCode()
                    + ": " + e.awsErrorDetails().errorMessage();
        } catch (SdkClientException e) {
            diff = diffWithoutEvents = "transport error: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            diff = diffWithoutEvents = "interrupted";
        } catch (RuntimeException e) {
            diff = diffWithoutEvents = "runner error: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new Outcome(diff, diffWithoutEvents, status, (System.nanoTime() - t0) / 1e9);
    }

    /** Removes the lines of listed cases that pass now; never adds any. */
    private void pruneKnownFailures() throws IOException {
        Path file = Path.of("src", "test", "resources", "conformance", "known-failures.txt");
        List<String> kept = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> {
                    String id = line.strip().split("\\s+", 2)[0];
                    CompletableFuture<Outcome> outcome = outcomes.get(id);
                    return line.strip().startsWith("#") || outcome == null || outcome.join().diff() != null;
                })
                .toList();
        Files.write(file, kept, StandardCharsets.UTF_8);
        System.out.printf("conformance: pruned known-failures.txt to %d lines%n", kept.size());
    }

    /** target/conformance/results.jsonl (one line per case) and the pass counts on stdout. */
    private void writeResults() throws IOException {
        CompletableFuture.allOf(outcomes.values().toArray(CompletableFuture[]::new)).orTimeout(5, TimeUnit.MINUTES)
                .exceptionally(e -> null).join();
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        StringBuilder lines = new StringBuilder();
        int passed = 0;
        int passedWithoutEvents = 0;
        int withEventsRecorded = 0;
        Map<String, Integer> passingByArea = new TreeMap<>();
        for (ConformanceCase c : cases) {
            Outcome o = outcomes.get(c.id()).getNow(new Outcome("not finished", "not finished", null, 0));
            passed += o.diff() == null ? 1 : 0;
            passingByArea.merge(c.area(), o.diff() == null ? 1 : 0, Integer::sum);
            passedWithoutEvents += o.diffWithoutEvents() == null ? 1 : 0;
            withEventsRecorded += c.expected().path("events").isArray() ? 1 : 0;
            ObjectNode line = nodes.objectNode().put("id", c.id()).put("area", c.area())
                    .put("pass", o.diff() == null).put("passWithoutEvents", o.diffWithoutEvents() == null)
                    .put("diff", o.diff()).put("diffWithoutEvents", o.diffWithoutEvents())
                    .put("status", o.status()).put("seconds", Math.round(o.seconds() * 1000) / 1000.0)
                    .put("known", knownFailures.contains(c.id())).put("mocked", c.mocked())
                    .put("jsonata", c.usesJsonata());
            c.tags().forEach(line.putArray("tags")::add);
            lines.append(line).append('\n');
        }
        Path dir = Path.of("target", "conformance");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.jsonl"), lines.toString(), StandardCharsets.UTF_8);
        System.out.printf("conformance: %d of %d cases pass with event sequences (%d record events), "
                        + "%d pass on status/output/error/cause; passing by area %s; details in %s%n",
                passed, cases.size(), withEventsRecorded, passedWithoutEvents, passingByArea, dir.resolve("results.jsonl"));
    }
}
