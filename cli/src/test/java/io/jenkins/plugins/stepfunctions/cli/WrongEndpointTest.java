package io.jenkins.plugins.stepfunctions.cli;

import static io.jenkins.plugins.stepfunctions.cli.RunCommandTest.sfn;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --endpoint} pointing at a web server that is not Step Functions (it answers 501 to every POST, as
 * Python's http.server does): each command says so, with the connection exit code, and never hangs.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WrongEndpointTest {
    private HttpServer web;
    private String endpoint;

    @BeforeEach
    void start() throws Exception {
        web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", exchange -> {
            exchange.sendResponseHeaders(501, -1);
            exchange.close();
        });
        web.start();
        endpoint = "http://127.0.0.1:" + web.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        web.stop(0);
    }

    @Test
    void runSaysTheEndpointIsNotStepFunctions() {
        RunCommandTest.Result r = sfn("run", "arn:aws:states:us-east-1:123456789012:stateMachine:deploy", "--endpoint", endpoint);

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err()).contains("HTTP 501", "not a Step Functions endpoint", "--endpoint").doesNotContain("null");
    }

    @Test
    void followSaysTheEndpointIsNotStepFunctionsInsteadOfWaitingForever() {
        RunCommandTest.Result r = sfn("follow", "arn:aws:states:us-east-1:123456789012:execution:deploy:build-1",
                "--endpoint", endpoint);

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err()).contains("HTTP 501", "not a Step Functions endpoint").doesNotContain("null");
    }

    @Test
    void validateByTheServiceSaysTheEndpointIsNotStepFunctions(@TempDir Path dir) throws Exception {
        Path definition = Files.writeString(dir.resolve("sm.json"), "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}");

        RunCommandTest.Result r = sfn("validate", definition.toString(), "--endpoint", endpoint);

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err()).contains("HTTP 501", "not a Step Functions endpoint").doesNotContain("null");
    }
}
