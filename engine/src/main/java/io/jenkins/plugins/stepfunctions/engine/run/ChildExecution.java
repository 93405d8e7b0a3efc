package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import java.time.Instant;

/**
 * What a ResultWriter reports of one iteration of a distributed Map (AWS: one child execution).
 *
 * @param status SUCCEEDED, FAILED or PENDING (never started, or stopped when the Map Run ended)
 * @param output the iteration's output (SUCCEEDED), else null
 * @param error  the iteration's error (FAILED), else null
 * @param start  when it started, or null (PENDING)
 * @param stop   when it ended, or null
 */
record ChildExecution(String name, String status, JsonNode input, JsonNode output, StatesException error,
                      Instant start, Instant stop) {
}
