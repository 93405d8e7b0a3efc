package io.jenkins.plugins.stepfunctions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.testing.Suite;
import io.jenkins.plugins.stepfunctions.testing.SuiteFiles;
import io.jenkins.plugins.stepfunctions.testing.Summary;
import io.jenkins.plugins.stepfunctions.testing.TestRunner;
import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import io.jenkins.plugins.stepfunctions.engine.server.EngineServer;
import io.jenkins.plugins.stepfunctions.examples.Expectations.ExpectedRun;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;

/**
 * Every example x every test case of its mock config, run by {@code sfn test}'s runner on the embedded
 * engine over HTTP with the real SDK: the test case must take exactly its expected path and end with its
 * expected status and error; approvals are answered both ways. Waits, retry delays and timeouts run 1000
 * times faster. The coverage of each example is printed.
 */
class ExamplePathsTest {
    private static final double TIME_SCALE = 0.001;
    private static final List<ExampleFolder> EXAMPLES = ExampleFolder.under(Path.of("."));

    private static EngineServer server;
    private static SfnClient sfn;

    @BeforeAll
    static void startEngineWithEveryExamplesMockConfig() throws Exception {
        server = EngineServer.start("127.0.0.1", 0, new EngineConfig(Clock.systemUTC(), TIME_SCALE, mergedMockConfig(), null));
        sfn = client(server.endpoint());
    }

    @AfterAll
    static void stopEngine() {
        sfn.close();
        server.close();
    }

    /**
     * The examples' tests run through {@code sfn test}'s own runner and checks: the expected-paths.json files
     * are test files as docs/testing.md describes them, as they are.
     */
    @TestFactory
    Stream<DynamicNode> everyTestCaseOfEveryExampleTakesItsExpectedPath() throws InterruptedException {
        SuiteFiles.Found found = SuiteFiles.find(List.of(Path.of(".")));
        TestRunner.Results results = new TestRunner(TestRunner.Options.defaults()).run(found.suites());
        PrintWriter out = new PrintWriter(System.out, true);
        Summary.print(results, out, false);
        assertThat(found.suites()).extracting(Suite::name)
                .containsExactlyInAnyOrderElementsOf(EXAMPLES.stream().map(e -> e.expectations().stateMachineName()).toList());
        return found.suites().stream().map(suite -> DynamicContainer.dynamicContainer(suite.name(),
                results.cases().stream().filter(c -> c.suite() == suite).map(c -> DynamicTest.dynamicTest(c.spec().name(), () ->
                        assertThat(c.differences()).as("%s#%s (%s); history:%n  %s", suite.name(), c.spec().name(),
                                c.spec().description(), String.join("\n  ", c.observed().log())).isEmpty()))));
    }

    @Test
    void everyDefinitionValidatesWithoutAnyDiagnostic() {
        for (ExampleFolder example : EXAMPLES) {
            ValidateStateMachineDefinitionResponse validation = sfn.validateStateMachineDefinition(
                    b -> b.definition(example.definition().toString()).type(StateMachineType.STANDARD));
            assertThat(validation.resultAsString()).as(example.name()).isEqualTo("OK");
            assertThat(validation.diagnostics()).as(example.name()).isEmpty();
        }
    }

    static List<String> differences(ExampleFolder example, ExpectedRun expected, ObservedRun observed) {
        List<String> problems = new ArrayList<>();
        if (!expected.status().equals(observed.status())) {
            problems.add("status " + observed.status() + " (error " + observed.error() + ", cause " + observed.cause()
                    + "), expected " + expected.status());
        }
        if (expected.error() != null && !expected.error().equals(observed.error())) {
            problems.add("error " + observed.error() + " (cause " + observed.cause() + "), expected " + expected.error());
        }
        List<String> path = observed.topLevelPath(example.definition());
        if (!expected.path().equals(path)) {
            problems.add("path " + path + ", expected " + expected.path());
        }
        expected.inside().forEach((container, states) -> {
            List<String> inside = observed.insidePath(example.definition(), container);
            if (!states.equals(inside)) {
                problems.add("inside " + container + " " + inside + ", expected " + states);
            }
        });
        expected.visits().forEach((state, count) -> {
            if (observed.visits(state) != count) {
                problems.add(state + " entered " + observed.visits(state) + " times, expected " + count);
            }
        });
        return problems;
    }

    /**
     * One MockConfigFile for all examples: state machine names differ already; response names are prefixed
     * with the example's name, since examples reuse names such as {@code Published}.
     */
    static JsonNode mergedMockConfig() {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        ObjectNode machines = merged.putObject("StateMachines");
        ObjectNode responses = merged.putObject("MockedResponses");
        for (ExampleFolder example : EXAMPLES) {
            JsonNode mock = example.mockConfig();
            String prefix = example.name() + "/";
            mock.path("MockedResponses").fields().forEachRemaining(r -> responses.set(prefix + r.getKey(), r.getValue()));
            mock.path("StateMachines").fields().forEachRemaining(machine -> {
                ObjectNode testCases = machines.putObject(machine.getKey()).putObject("TestCases");
                machine.getValue().path("TestCases").fields().forEachRemaining(testCase -> {
                    ObjectNode states = testCases.putObject(testCase.getKey());
                    testCase.getValue().fields().forEachRemaining(s -> states.put(s.getKey(), prefix + s.getValue().asText()));
                });
            });
        }
        return merged;
    }

    private static SfnClient client(URI endpoint) {
        return SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLES", "local")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(70)).build())
                .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }
}
