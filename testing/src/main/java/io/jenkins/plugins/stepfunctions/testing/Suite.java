package io.jenkins.plugins.stepfunctions.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.engine.asl.StateMachineDefinition;
import java.nio.file.Path;
import java.util.List;

/**
 * A state machine and its test cases: the definition (parsed by the engine), the mock config and the test
 * file they came from.
 *
 * @param name             the state machine name the mock config is keyed by; JUnit's classname
 * @param mockConfig       the parsed MockConfigFile, or null when the suite has none
 * @param timeScale        the file's {@code timeScale}, or null for the runner's
 */
public record Suite(String name, Path testFile, Path definitionFile, StateMachineDefinition definition,
                    Path mockConfigFile, JsonNode mockConfig, Double timeScale, List<TestCaseSpec> cases) {
}
