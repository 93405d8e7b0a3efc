package io.jenkins.plugins.stepfunctions.bridge.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys and files that cannot mean what their writer meant are refused with the reason, never a stack trace. */
class InputKeysAndEncodingTest {
    final ExecutionInputAssembler assembler = new ExecutionInputAssembler();

    private String withValue(String key) {
        return assembler.assemble(List.of(new InputSource.Values(Map.of(key, "1"), true)));
    }

    @Test
    void dottedKeysNestOneLevelPerName() {
        assertThat(withValue("image.tag")).isEqualTo("{\"image\":{\"tag\":1}}");
    }

    @Test
    void anEmptyKeyIsRefused() {
        assertThatThrownBy(() -> withValue("")).isInstanceOf(InvalidInputException.class)
                .hasMessage("input values: the key is empty; write KEY=VALUE with a name before the =, e.g. image.tag=1.2.3");
    }

    @Test
    void anEmptyNameBetweenBeforeOrAfterDotsIsRefusedSayingWhere() {
        assertThatThrownBy(() -> withValue("a..b")).hasMessageContaining("the key 'a..b' has an empty name between two dots");
        assertThatThrownBy(() -> withValue(".a")).hasMessageContaining("before its first dot");
        assertThatThrownBy(() -> withValue("a.")).hasMessageContaining("after its last dot");
    }

    @Test
    void bracketsAreRefusedBecauseKeysCannotIndexArrays() {
        assertThatThrownBy(() -> withValue("[")).hasMessageContaining("has [ or ]: keys are dotted names and cannot index arrays");
        assertThatThrownBy(() -> withValue("tags[0]")).hasMessageContaining("'tags[0]'");
    }

    @Test
    void aKeyOfTenThousandCharactersIsRefusedWithoutEchoingItWhole() {
        assertThatThrownBy(() -> withValue("k".repeat(10_000)))
                .hasMessageContaining("is 10000 characters long, over 1024").hasMessageContaining("check that the value is after the =")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    @Test
    void aKeyNestingDeeperThanAHundredLevelsIsRefusedInsteadOfBreakingTheJsonWriter() {
        assertThatThrownBy(() -> withValue(String.join(".", java.util.Collections.nCopies(500, "a"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nests 500 levels deep, over 100");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheFileTheByteAndWhereItIs(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("input.json");
        Files.write(latin1, "{\n\"city\": \"K\u00f6ln\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> assembler.assemble(List.of(new InputSource.JsonFile(latin1))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input file " + latin1 + ": is not UTF-8 text: byte 0xF6 at offset 12 (line 2) is not valid UTF-8;"
                        + " save it as UTF-8 (JSON is always UTF-8)");
    }

    @Test
    void utf8TextIsDecodedAsIs() throws Exception {
        assertThat(Utf8Text.decode("{\"city\":\"K\u00f6ln \u2603\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo("{\"city\":\"K\u00f6ln \u2603\"}");
    }
}
