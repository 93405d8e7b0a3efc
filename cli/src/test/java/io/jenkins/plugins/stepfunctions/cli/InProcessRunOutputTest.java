package io.jenkins.plugins.stepfunctions.cli;

import static io.jenkins.plugins.stepfunctions.cli.RunCommandTest.sfn;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import io.jenkins.plugins.stepfunctions.engine.server.EngineServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sfn run --local} calls the engine in its own process; it prints what following the same execution over
 * HTTP prints (as {@code sfn run} did before, against an embedded server): the same lines, times aside.
 */
class InProcessRunOutputTest {
    static final String LOOP = """
            {"StartAt":"Init","States":{
             "Init":{"Type":"Pass","Parameters":{"i":0,"n.$":"$.n"},"Next":"Check"},
             "Check":{"Type":"Choice","Choices":[{"Variable":"$.i","NumericLessThanPath":"$.n","Next":"Increment"}],"Default":"Done"},
             "Increment":{"Type":"Pass","Parameters":{"i.$":"States.MathAdd($.i, 1)","n.$":"$.n"},"Next":"Check"},
             "Done":{"Type":"Succeed"}}}""";
    static final String FAILING_MAP = """
            {"StartAt":"Each","States":{
             "Each":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"One",
               "States":{"One":{"Type":"Pass","End":true}}},"ResultPath":"$.each","Next":"Boom"},
             "Boom":{"Type":"Fail","Error":"Custom.Error","Cause":"on purpose"}}}""";

    @ParameterizedTest
    @ValueSource(strings = {"loop", "gate", "failing-map", "loop-json"})
    void printsTheSameLinesAsFollowingOverHttp(String name, @TempDir Path dir) throws Exception {
        String definition = switch (name) {
            case "loop", "loop-json" -> LOOP;
            case "gate" -> RunCommandTest.GATE;
            default -> FAILING_MAP;
        };
        Path file = Files.createDirectories(dir.resolve(name)).resolve("statemachine.asl.json");
        Files.writeString(file, definition);
        List<String> args = new ArrayList<>(List.of(file.toString(), "--name", "run-1", "--input",
                "{\"n\":200,\"items\":[1,2,3]}", "--approve-all", "--approver", "bot"));
        if (name.endsWith("json")) {
            args.addAll(List.of("--output", "json"));
        }

        List<String> local = new ArrayList<>(List.of("run", "--local"));
        local.addAll(args);
        RunCommandTest.Result inProcess = sfn(local.toArray(String[]::new));
        RunCommandTest.Result overHttp;
        try (EngineServer server = EngineServer.start("127.0.0.1", 0, new EngineConfig(Clock.systemUTC(), 1, null, null))) {
            List<String> remote = new ArrayList<>(List.of("run", "--endpoint", server.endpoint().toString()));
            remote.addAll(args);
            overHttp = sfn(remote.toArray(String[]::new));
        }

        assertThat(inProcess.exit()).as(inProcess.err()).isEqualTo(overHttp.exit());
        assertThat(normalised(inProcess.out())).hasSizeGreaterThan(5).isEqualTo(normalised(overHttp.out()));
    }

    /** The lines without what differs from one run to the next: times of day, durations, timestamps. */
    private static List<String> normalised(String out) {
        return out.lines()
                .map(l -> l.replaceAll("^\\d\\d:\\d\\d:\\d\\d ", ""))
                .map(l -> l.replaceAll(" +\\d+(\\.\\d+)?(ms|s)\\b", " T"))
                .map(l -> l.replaceAll("\"time\":\"[^\"]*\"", "\"time\":T"))
                .map(l -> l.replaceAll("\"(durationMs|startDate|stopDate)\":[^,}]*", "\"$1\":T"))
                .toList();
    }
}
