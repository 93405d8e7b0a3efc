package io.jenkins.plugins.stepfunctions.cli;

import static io.jenkins.plugins.stepfunctions.cli.RunCommandTest.sfn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Absurd keys, files that are not UTF-8, contradicting flags: exit 2 and one message naming the option, the
 * value and the fix, never a stack trace, and nothing started.
 */
class InputMistakesTest {
    private static Path machine(Path dir) throws Exception {
        Path file = Files.createDirectories(dir.resolve("pass")).resolve("statemachine.asl.json");
        Files.writeString(file, "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
        return file;
    }

    private static RunCommandTest.Result refused(String... args) {
        RunCommandTest.Result r = sfn(args);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        assertThat(r.out()).isEmpty();
        return r;
    }

    @Test
    void anEmptySetKeyIsRefusedNamingTheOption(@TempDir Path dir) throws Exception {
        assertThat(refused("run", "--local", machine(dir).toString(), "--set", "=prod").err())
                .contains("--set: the key is empty; write KEY=VALUE with a name before the =");
    }

    @Test
    void aSetKeyWithAnEmptyNameBetweenDotsIsRefused(@TempDir Path dir) throws Exception {
        assertThat(refused("run", "--local", machine(dir).toString(), "--set", "a..b=1").err())
                .contains("--set: the key 'a..b' has an empty name between two dots; write names separated by single dots");
    }

    @Test
    void aSetKeyWithABracketIsRefusedSayingKeysCannotIndexArrays(@TempDir Path dir) throws Exception {
        assertThat(refused("run", "--local", machine(dir).toString(), "--set", "[=1").err())
                .contains("--set: the key '[' has [ or ]", "set the whole array as the value");
    }

    @Test
    void aSetKeyOfTenThousandCharactersIsRefusedWithoutFloodingTheTerminal(@TempDir Path dir) throws Exception {
        String err = refused("run", "--local", machine(dir).toString(), "--set", "k".repeat(10_000) + "=1").err();

        assertThat(err).contains("--set: the key 'kkkk", "...' is 10000 characters long, over 1024");
        assertThat(err.length()).isLessThan(500);
    }

    @Test
    void aDeeplyNestedSetKeyIsRefusedInsteadOfAnInternalError(@TempDir Path dir) throws Exception {
        String key = String.join(".", Collections.nCopies(3000, "a"));
        assertThat(refused("run", "--local", machine(dir).toString(), "--set", key + "=1").err()).contains("--set: the key 'a.a.a");
        String deep = String.join(".", Collections.nCopies(150, "a"));
        assertThat(refused("run", "--local", machine(dir).toString(), "--set", deep + "=1").err())
                .contains("nests 150 levels deep, over 100; give deeply nested data as JSON input instead");
    }

    @Test
    void anInputFileThatIsNotUtf8IsRefusedNamingTheFileAndTheByte(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("input.json");
        Files.write(latin1, "{\"city\":\"K\u00f6ln\"}".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(refused("run", "--local", machine(dir).toString(), "--input-file", latin1.toString()).err())
                .contains("sfn run: input file " + latin1 + ": is not UTF-8 text: byte 0xF6 at offset 10 (line 1)",
                        "save it as UTF-8");
    }

    @Test
    void aDefinitionFileThatIsNotUtf8IsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path file = machine(dir);
        Files.write(file, new byte[] {'{', (byte) 0xFF, '}'});

        assertThat(refused("run", "--local", file.toString()).err())
                .contains("definition file " + file + " is not UTF-8 text: byte 0xFF at offset 1 (line 1)");
    }

    @Test
    void approveAllWithRejectAllIsRefusedByRunAndByFollow(@TempDir Path dir) throws Exception {
        assertThat(refused("run", "--local", machine(dir).toString(), "--approve-all", "--reject-all").err())
                .contains("--approve-all and --reject-all contradict each other", "give one of them");
        assertThat(refused("follow", "arn:aws:states:us-east-1:123456789012:execution:pass:x", "--approve-all", "--reject-all")
                .err()).contains("--approve-all and --reject-all contradict each other");
    }
}
