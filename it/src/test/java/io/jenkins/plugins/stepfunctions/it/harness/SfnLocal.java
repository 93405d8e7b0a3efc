package io.jenkins.plugins.stepfunctions.it.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * {@code sfn local} (the project's own CLI jar) in its own process beside Jenkins, on a free loopback port,
 * with a mock config; and an AWS SDK v2 client of it, for what a test sets up or checks behind Jenkins' back.
 */
public final class SfnLocal implements AutoCloseable {
    public static final String ROLE_ARN = "arn:aws:iam::123456789012:role/StepFunctionsDeployer";

    private final Process process;
    private final URI endpoint;
    private final SfnClient client;

    private SfnLocal(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.client = SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static SfnLocal start(Path sfnJar, Path mockConfig, double timeScale, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", sfnJar.toString(), "local", "--port", "0", "--time-scale", Double.toString(timeScale)));
        if (mockConfig != null) {
            command.addAll(List.of("--mock-config", mockConfig.toString()));
        }
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (first == null || !first.startsWith("http")) {
            process.destroyForcibly();
            throw new IllegalStateException("sfn local did not print its endpoint (got '" + first + "'); see " + log);
        }
        // keep draining stdout so that the process never blocks on a full pipe
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "sfn-local-stdout");
        drain.setDaemon(true);
        drain.start();
        return new SfnLocal(process, URI.create(first.trim()));
    }

    public URI endpoint() {
        return endpoint;
    }

    public SfnClient client() {
        return client;
    }

    public String createStateMachine(String name, String definition) {
        return client.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE_ARN)).stateMachineArn();
    }

    /** The execution's whole history, in order. */
    public List<HistoryEvent> history(String executionArn) {
        List<HistoryEvent> events = new ArrayList<>();
        client.getExecutionHistoryPaginator(b -> b.executionArn(executionArn).maxResults(1000))
                .forEach(page -> events.addAll(page.events()));
        return events;
    }

    /**
     * The names of the states the execution entered, in order, as the build console shows them: nested
     * Parallel states included, states inside Map iterations left out (the console summarises iterations as
     * counts, so that a Map over 10,000 items does not print 10,000 paths).
     */
    public List<String> enteredStatesOutsideMapIterations(String executionArn) {
        List<String> names = new ArrayList<>();
        int openIterations = 0;
        for (HistoryEvent event : history(executionArn)) {
            switch (event.type()) {
                case MAP_ITERATION_STARTED -> openIterations++;
                case MAP_ITERATION_SUCCEEDED, MAP_ITERATION_FAILED, MAP_ITERATION_ABORTED -> openIterations--;
                default -> {
                    if (openIterations == 0 && event.stateEnteredEventDetails() != null) {
                        names.add(event.stateEnteredEventDetails().name());
                    }
                }
            }
        }
        return names;
    }

    /** Every state the execution entered, in order, Map iterations included. */
    public List<String> enteredStates(String executionArn) {
        return history(executionArn).stream()
                .filter(e -> e.stateEnteredEventDetails() != null)
                .map(e -> e.stateEnteredEventDetails().name())
                .toList();
    }

    @Override
    public void close() throws InterruptedException {
        client.close();
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
