package io.jenkins.plugins.stepfunctions.engine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * aws-local-stepfunctions (npm), an independent ASL interpreter, run by {@code crosscheck/run.cjs}
 * in one Node process for a batch of definitions.
 */
final class PeerInterpreter {
    static final Path DIRECTORY = Path.of("crosscheck");
    private static final Path PACKAGE = DIRECTORY.resolve("node_modules/aws-local-stepfunctions/package.json");

    /** What the peer answered: status SUCCEEDED/FAILED/TIMED_OUT, REJECTED (definition refused) or CRASHED. */
    record Answer(String status, JsonNode output, String error, String cause) {
    }

    private PeerInterpreter() {
    }

    /** Empty when it can run, else why not (and how to fix it). */
    static Optional<String> unavailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.of("`node --version` failed: install Node.js to cross-check against aws-local-stepfunctions");
            }
        } catch (IOException e) {
            return Optional.of("node is not on the PATH: install Node.js to cross-check against aws-local-stepfunctions");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
        if (!Files.exists(PACKAGE)) {
            return Optional.of("aws-local-stepfunctions is not installed: run `npm ci --prefix engine/crosscheck`");
        }
        return Optional.empty();
    }

    /** Runs {@code node run.cjs <mode>} with one request per line; answers by request id. */
    static Map<String, JsonNode> run(String mode, List<ObjectNode> requests, long timeoutSeconds)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", "run.cjs", mode).directory(DIRECTORY.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        CompletableFuture<Map<String, JsonNode>> answers = CompletableFuture.supplyAsync(() -> {
            Map<String, JsonNode> out = new HashMap<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    JsonNode answer = PythonJson.MAPPER.readTree(line);
                    out.put(answer.get("id").asText(), answer);
                }
            } catch (IOException e) {
                throw new IllegalStateException("reading the peer's answers", e);
            }
            return out;
        });
        try (OutputStream in = p.getOutputStream()) {
            for (ObjectNode request : requests) {
                in.write((request.toString() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("aws-local-stepfunctions did not finish within " + timeoutSeconds + " s");
        }
        return answers.join();
    }

    static Answer answer(JsonNode json) {
        return new Answer(json.path("status").asText(), json.get("output"),
                json.hasNonNull("error") ? json.get("error").asText() : null,
                json.hasNonNull("cause") ? json.get("cause").asText() : null);
    }
}
