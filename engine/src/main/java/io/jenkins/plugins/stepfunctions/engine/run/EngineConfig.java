package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;

/**
 * @param clock        event timestamps and context object times
 * @param timeScale    multiplies every Wait and retry delay (0.01 = 100 times faster); 1 in production
 * @param mockConfig   a Step Functions Local MockConfigFile, or null
 * @param statusChangeListener where to POST EventBridge-shaped "Step Functions Execution Status Change"
 *                     events, or null
 */
public record EngineConfig(Clock clock, double timeScale, JsonNode mockConfig, URI statusChangeListener) {
    public static EngineConfig defaults() {
        return new EngineConfig(Clock.systemUTC(), 1.0, null, null);
    }
}
