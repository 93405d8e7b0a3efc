package io.jenkins.plugins.stepfunctions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The diagrams and test-case tables in the example READMEs are generated; this fails as soon as one no
 * longer matches its example. {@code -DupdateReadmes} regenerates them instead.
 */
class ReadmesAreCurrentTest {
    @Test
    void everyReadmeShowsTheDiagramAndTestCasesOfItsExampleAsTheyAreNow() {
        Path root = Path.of(".");
        if (System.getProperty("updateReadmes") != null) {
            ExampleReadmes.main(new String[] {root.toString()});
        }
        assertThat(ExampleReadmes.stale(root)).as("stale READMEs; regenerate them with "
                + "./mvnw -B -q -pl examples -am verify -DupdateReadmes").isEmpty();
    }
}
