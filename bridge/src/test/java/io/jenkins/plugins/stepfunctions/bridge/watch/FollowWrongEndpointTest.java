package io.jenkins.plugins.stepfunctions.bridge.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.stepfunctions.bridge.EngineFixture;
import io.jenkins.plugins.stepfunctions.bridge.RecordingListener;
import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.bridge.connect.Connection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An endpoint that is not Step Functions (a typo in the port, a web server, nothing listening): following
 * ends with a message naming the endpoint instead of retrying silently until the build times out.
 */
class FollowWrongEndpointTest {
    private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:deploy:build-1";

    private static ExecutionFollower follower(AwsClients clients) {
        return new ExecutionFollower(clients.sfnNoRetry(), FollowState.start(ARN), new RecordingListener(),
                EngineFixture.fastPolling(), Clock.systemUTC(), new Random(7), new FollowStats());
    }

    /** Advances the way the scheduler does, without waiting the delays; at most {@code limit} times. */
    private static void advance(ExecutionFollower follower, int limit) {
        for (int i = 0; i < limit; i++) {
            follower.advance();
        }
    }

    @Test
    void aWebServerThatIsNotStepFunctionsFailsAtOnceNamingTheHttpStatus() throws Exception {
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", exchange -> {
            exchange.sendResponseHeaders(501, -1);
            exchange.close();
        });
        web.start();
        try (AwsClients clients = new AwsClients(Connection.local(URI.create("http://127.0.0.1:" + web.getAddress().getPort())))) {
            ExecutionFollower follower = follower(clients);

            assertThatThrownBy(follower::advance).isInstanceOf(FollowException.class)
                    .hasMessageContaining("HTTP 501").hasMessageContaining("not a Step Functions endpoint")
                    .hasMessageContaining("check the endpoint").hasMessageNotContaining("null");
        } finally {
            web.stop(0);
        }
    }

    @Test
    void nothingListeningEndsAfterAFewRetriesNamingTheEndpointInsteadOfRetryingForever() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (AwsClients clients = new AwsClients(Connection.local(URI.create("http://127.0.0.1:" + port)))) {
            ExecutionFollower follower = follower(clients);

            assertThatThrownBy(() -> advance(follower, 50)).isInstanceOf(FollowException.class)
                    .hasMessageContaining("cannot reach Step Functions")
                    .hasMessageContaining("check the endpoint, the region and the credentials");
            assertThat(follower.stats().retriedErrors()).as("a few retries, not fifty").isBetween(1L, 10L);
        }
    }
}
