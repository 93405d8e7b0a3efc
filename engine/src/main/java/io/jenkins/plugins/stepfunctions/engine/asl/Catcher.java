package io.jenkins.plugins.stepfunctions.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One element of a state's {@code Catch}.
 *
 * @param resultPath "$" when absent, null when explicitly null (discard the error output)
 * @param output     JSONata {@code Output}, or null
 * @param assign     {@code Assign}, or null
 */
public record Catcher(List<String> errorEquals, String resultPath, String next, JsonNode output, JsonNode assign) {
}
