package io.jenkins.plugins.stepfunctions.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The AWS CLI (botocore, an independent client of the same protocol) against the server: it must read
 * our responses and errors as it reads AWS's. Skipped where no {@code aws} command is installed.
 */
class AwsCliCompatibilityTest {
    private final TestEngine running = TestEngine.startServer();
    private final ObjectMapper mapper = new ObjectMapper();

    @AfterEach
    void stop() {
        running.close();
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result aws(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "stepfunctions", "--endpoint-url",
                running.server().endpoint().toString(), "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AWS_ACCESS_KEY_ID", "local");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "local");
        builder.environment().put("AWS_DEFAULT_REGION", "eu-west-1");
        builder.environment().put("AWS_CONFIG_FILE", "/dev/null");
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out, err);
    }

    private static boolean awsInstalled() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "aws"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void awsCliCreatesRunsAndDescribesAndReadsOurErrors() throws Exception {
        assumeTrue(awsInstalled(), "the AWS CLI is not installed here");
        Result created = aws("create-state-machine", "--name", "Hello", "--role-arn", Definitions.ROLE,
                "--definition", Definitions.PASS);
        assertThat(created.exitCode()).as(created.err()).isZero();
        String sm = mapper.readTree(created.out()).get("stateMachineArn").asText();
        assertThat(sm).isEqualTo("arn:aws:states:eu-west-1:123456789012:stateMachine:Hello");

        Result started = aws("start-execution", "--state-machine-arn", sm, "--name", "run-1", "--input", "{\"n\": 1}");
        assertThat(started.exitCode()).as(started.err()).isZero();
        String execution = mapper.readTree(started.out()).get("executionArn").asText();
        Awaits.until(() -> running.sfn().describeExecution(b -> b.executionArn(execution)).statusAsString(),
                status -> !status.equals("RUNNING"));

        Result described = aws("describe-execution", "--execution-arn", execution);
        JsonNode description = mapper.readTree(described.out());
        assertThat(description.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(description.get("output").asText()).isEqualTo("{\"n\":1,\"result\":{\"greeting\":\"hello\"}}");
        assertThat(description.get("startDate").isNumber()).isTrue();

        Result missing = aws("describe-state-machine", "--state-machine-arn", sm + "Gone");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("(StateMachineDoesNotExist)").contains("create it with CreateStateMachine");
    }
}
