package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/**
 * @param clock        event timestamps and context object times
 * @param timeScale    multiplies every Wait and retry delay (0.01 = 100 times faster); 1 in production
 * @param mockConfig   a Step Functions Local MockConfigFile, or null
 * @param statusChangeListener where to POST EventBridge-shaped "Step Functions Execution Status Change"
 *                     events, or null
 * @param httpInvokeHosts the hosts http:invoke tasks may call ({@link HttpInvokeHosts#ANY} unless told;
 *                     never the engine's own API)
 * @param s3Dir        the folder standing for Amazon S3 ({@code DIR/<bucket>/<key>}): distributed Maps read
 *                     their ItemReader objects from it and write their ResultWriter files into it; or null
 */
public record EngineConfig(Clock clock, double timeScale, JsonNode mockConfig, URI statusChangeListener,
                           HttpInvokeHosts httpInvokeHosts, Path s3Dir) {
    public EngineConfig {
        if (httpInvokeHosts == null) {
            httpInvokeHosts = HttpInvokeHosts.ANY;
        }
    }

    public EngineConfig(Clock clock, double timeScale, JsonNode mockConfig, URI statusChangeListener) {
        this(clock, timeScale, mockConfig, statusChangeListener, HttpInvokeHosts.ANY, null);
    }

    public EngineConfig(Clock clock, double timeScale, JsonNode mockConfig, URI statusChangeListener,
                        HttpInvokeHosts httpInvokeHosts) {
        this(clock, timeScale, mockConfig, statusChangeListener, httpInvokeHosts, null);
    }

    public static EngineConfig defaults() {
        return new EngineConfig(Clock.systemUTC(), 1.0, null, null);
    }

    /** This configuration with http:invoke restricted to {@code hosts}. */
    public EngineConfig withHttpInvokeHosts(HttpInvokeHosts hosts) {
        return new EngineConfig(clock, timeScale, mockConfig, statusChangeListener, hosts, s3Dir);
    }

    /** This configuration with {@code dir} standing for Amazon S3 (null: none). */
    public EngineConfig withS3Dir(Path dir) {
        return new EngineConfig(clock, timeScale, mockConfig, statusChangeListener, httpInvokeHosts, dir);
    }
}
