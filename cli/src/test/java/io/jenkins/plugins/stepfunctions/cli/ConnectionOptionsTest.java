package io.jenkins.plugins.stepfunctions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.bridge.watch.PollingPolicy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The follower's pace: AWS's against AWS and remote endpoints, 25 times shorter delays on this machine. */
class ConnectionOptionsTest {
    private static PollingPolicy policy(String endpoint) {
        ConnectionOptions options = new ConnectionOptions();
        options.endpoint = endpoint == null ? null : URI.create(endpoint);
        return options.pollingPolicy();
    }

    @Test
    void awsAndRemoteEndpointsKeepTheFollowersOwnPace() {
        assertThat(policy(null)).isEqualTo(PollingPolicy.defaults());
        assertThat(policy("https://states.eu-west-1.amazonaws.com")).isEqualTo(PollingPolicy.defaults());
        assertThat(policy("https://vpce-1234.states.us-east-1.vpce.amazonaws.com")).isEqualTo(PollingPolicy.defaults());
        assertThat(policy("http://10.0.0.5:8083")).isEqualTo(PollingPolicy.defaults());
    }

    @Test
    void anEngineOnThisMachineIsReadWithShorterDelaysButHeartbeatsAtRealTime() {
        for (String local : new String[]{"http://127.0.0.1:8083", "http://localhost:4566", "http://[::1]:8083", "http://127.0.1.1:9"}) {
            PollingPolicy p = policy(local);

            assertThat(p.active()).as(local).isEqualTo(Duration.ofMillis(20));
            assertThat(p.idle()).as(local).isEqualTo(Duration.ofMillis(200));
            assertThat(p.timeScale()).as(local).isEqualTo(1.0);
            assertThat(p.heartbeatEvery(30)).isEqualTo(PollingPolicy.defaults().heartbeatEvery(30));
        }
    }
}
