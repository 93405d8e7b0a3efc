package io.jenkins.plugins.stepfunctions.cli;

import static io.jenkins.plugins.stepfunctions.cli.RunCommandTest.sfn;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import io.jenkins.plugins.stepfunctions.engine.server.EngineServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    static final String BROKEN = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Missing\"}}}";

    @Test
    void aValidExampleIsValidLocally() {
        RunCommandTest.Result r = sfn("validate", RunCommandTest.EXAMPLES.resolve("blue-green/statemachine.asl.json").toString());

        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("valid (checked by the embedded engine)");
    }

    @Test
    void errorsAreListedWithLocationAndTheInvalidExitCode(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.json"), BROKEN);

        RunCommandTest.Result r = sfn("validate", file.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID_DEFINITION);
        assertThat(r.out()).contains("ERROR", "/States/A", "INVALID");
    }

    @Test
    void withAnEndpointTheServiceValidates(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.json"), BROKEN);
        try (EngineServer server = EngineServer.start("127.0.0.1", 0, EngineConfig.defaults())) {
            RunCommandTest.Result r = sfn("validate", file.toString(), "--endpoint", server.endpoint().toString(), "--output", "json");

            assertThat(r.exit()).isEqualTo(ExitCodes.INVALID_DEFINITION);
            assertThat(r.out()).contains("\"valid\":false", "\"severity\":\"ERROR\"");
        }
    }

    @Test
    void aMissingFileIsABadInput() {
        RunCommandTest.Result r = sfn("validate", "no/such/file.json");

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("does not exist");
    }
}
