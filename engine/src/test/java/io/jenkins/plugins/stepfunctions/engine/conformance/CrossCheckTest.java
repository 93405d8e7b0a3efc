package io.jenkins.plugins.stepfunctions.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Cross-check with an independent implementation: the JSONPath-language cases of the corpus (not
 * mocked, not JSONata) run on this engine and on aws-local-stepfunctions. Where the two disagree,
 * AWS's recording decides, and this engine must be the one that matches it. The cases where the
 * peer differs from AWS are written to target/conformance/crosscheck.md (summarised in
 * docs/conformance.md).
 */
class CrossCheckTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The status, output and error of one execution, from whichever implementation ran it. */
    private record Outcome(String status, JsonNode output, String error) {
        static Outcome of(CaseExecution.Result r) {
            JsonNode last = r.events().isEmpty() ? NODES.objectNode() : r.events().get(r.events().size() - 1);
            JsonNode failure = last.has("executionFailedEventDetails") ? last.get("executionFailedEventDetails")
                    : last.path("executionTimedOutEventDetails");
            JsonNode output = r.output() == null ? null : SnapshotTransforms.decodeRecordedJson(TextNode.valueOf(r.output()));
            return new Outcome(r.status(), output, failure.hasNonNull("error") ? failure.get("error").asText() : null);
        }

        static Outcome of(PeerInterpreter.Answer a) {
            return new Outcome(a.status(), a.output(), a.error());
        }

        static Outcome expected(ConformanceCase c) {
            JsonNode exp = c.expected();
            return new Outcome(exp.path("status").asText(), exp.get("output"),
                    exp.hasNonNull("error") ? exp.get("error").asText() : null);
        }

        /** Null when {@code other} agrees with this one (placeholders in this one match anything). */
        String difference(Outcome other) {
            if (!status.equals(other.status)) {
                return "status " + other.status + (other.error == null ? "" : " (" + other.error + ")");
            }
            if (status.equals("SUCCEEDED")) {
                return SnapshotComparison.compareValues(output, other.output, "$output");
            }
            return error == null || error.equals(other.error) ? null : "error " + other.error;
        }
    }

    @Test
    void whereTheEngineAndThePeerDisagreeTheEngineMatchesAws() throws Exception {
        PeerInterpreter.unavailable().ifPresent(why -> Assumptions.abort("cross-check skipped: " + why));
        List<ConformanceCase> cases = ConformanceCase.loadAll().stream()
                .filter(c -> !c.mocked() && !c.usesJsonata()).toList();
        KnownFailures known = KnownFailures.load();

        List<ObjectNode> requests = new ArrayList<>();
        for (ConformanceCase c : cases) {
            ObjectNode r = NODES.objectNode().put("id", c.id());
            r.set("definition", c.definition());
            r.set("input", c.inputOmitted() ? NODES.objectNode() : c.input());
            requests.add(r);
        }
        CompletableFuture<Map<String, JsonNode>> peer = CompletableFuture.supplyAsync(() -> {
            try {
                return PeerInterpreter.run("cases", requests, 300);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        Map<String, CaseExecution.Result> ours = new LinkedHashMap<>();
        Map<String, String> ourVerdicts = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (TestEngine engine = TestEngine.options().timeScale(0.01).mockConfig(ConformanceCase.mockConfig()).serve()) {
            CaseExecution execution = new CaseExecution(engine.sfn(), Duration.ofSeconds(10));
            Map<String, CompletableFuture<CaseExecution.Result>> running = new LinkedHashMap<>();
            for (ConformanceCase c : cases) {
                running.put(c.id(), CompletableFuture.supplyAsync(() -> {
                    try {
                        return execution.run(c);
                    } catch (Exception e) {
                        return null;
                    }
                }, pool));
            }
            for (ConformanceCase c : cases) {
                CaseExecution.Result r = running.get(c.id()).join();
                ours.put(c.id(), r);
                ourVerdicts.put(c.id(), r == null ? "the API call failed" : CaseVerdict.check(c, r, false));
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, JsonNode> answers = peer.join();

        List<String> violations = new ArrayList<>();
        StringBuilder peerVsAws = new StringBuilder();
        int disagreements = 0;
        int peerWrong = 0;
        for (ConformanceCase c : cases) {
            Outcome aws = Outcome.expected(c);
            JsonNode answer = answers.get(c.id());
            Outcome theirs = answer == null ? new Outcome("NO ANSWER", null, null)
                    : Outcome.of(PeerInterpreter.answer(answer));
            CaseExecution.Result r = ours.get(c.id());
            Outcome mine = r == null || r.timedOut() ? new Outcome("NO ANSWER", null, null) : Outcome.of(r);
            String peerDiff = aws.difference(normalised(c, theirs));
            if (peerDiff != null) {
                peerWrong++;
                peerVsAws.append("| `").append(c.id()).append("` | ").append(aws.status)
                        .append(aws.error == null ? "" : " " + aws.error).append(" | ")
                        .append(markdownCell(peerDiff, answer)).append(" |\n");
            }
            if (mine.difference(theirs) != null) {
                disagreements++;
                String verdict = ourVerdicts.get(c.id());
                if (verdict != null && !known.contains(c.id())) {
                    violations.add(c.id() + ": the engine and aws-local-stepfunctions disagree and the engine "
                            + "differs from AWS: " + verdict);
                }
            }
        }
        Path report = Path.of("target", "conformance", "crosscheck.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "# Cross-check with aws-local-stepfunctions\n\n" + cases.size()
                + " JSONPath cases; the engine and the peer disagree on " + disagreements + "; the peer differs from AWS on "
                + peerWrong + ":\n\n| case | AWS | aws-local-stepfunctions |\n| --- | --- | --- |\n" + peerVsAws,
                StandardCharsets.UTF_8);
        System.out.printf("cross-check: %d JSONPath cases, engine and aws-local-stepfunctions disagree on %d, "
                + "the peer differs from AWS on %d (see %s)%n", cases.size(), disagreements, peerWrong, report);
        assertThat(violations).isEmpty();
    }

    /** The peer's output as the recorder normalised AWS's (dates, ARNs and names become placeholders). */
    private static Outcome normalised(ConformanceCase c, Outcome peer) {
        if (peer.output() == null) {
            return peer;
        }
        ObjectNode doc = NODES.objectNode();
        doc.set("output", peer.output().deepCopy());
        JsonNode transformed = SnapshotTransforms.apply(doc, SnapshotTransforms.expand(c.transforms()),
                Map.of("roleArn", CaseExecution.ROLE_ARN));
        return new Outcome(peer.status(), transformed.get("output"), peer.error());
    }

    private static String markdownCell(String diff, JsonNode answer) {
        String cause = answer == null || !answer.hasNonNull("cause") ? "" : " — " + answer.get("cause").asText();
        String text = diff + cause;
        text = text.length() > 200 ? text.substring(0, 197) + "..." : text;
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
