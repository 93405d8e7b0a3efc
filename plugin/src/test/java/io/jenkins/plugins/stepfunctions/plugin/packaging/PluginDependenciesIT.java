package io.jenkins.plugins.stepfunctions.plugin.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The {@code .hpi}'s declared requirements against what exists upstream: every {@code Plugin-Dependencies}
 * entry is a release of the jenkinsci repository (a tag the Jenkins built from source was built from, per its
 * MANIFEST.txt), the {@code jenkins-api/} stubs mirror exactly those releases (so the plugin is never linked
 * against an API newer than it asks for), and {@code Jenkins-Version} is the core the stubs mirror, an LTS that
 * runs on the {@code Minimum-Java-Version}.
 */
class PluginDependenciesIT {
    /** Upstream repository of each dependency, as jenkins-api's stub headers and MANIFEST.txt name them. */
    private static final Map<String, String> REPOSITORIES = Map.of(
            "workflow-step-api", "workflow-step-api-plugin", "workflow-api", "workflow-api-plugin",
            "structs", "structs-plugin", "credentials", "credentials-plugin",
            "aws-credentials", "aws-credentials-plugin", "pipeline-input-step", "pipeline-input-step-plugin",
            "aws-java-sdk2-core", "aws-java-sdk2-plugin", "aws-java-sdk2-sqs", "aws-java-sdk2-plugin",
            "jackson2-api", "jackson2-api-plugin");
    /** The Java versions each LTS line runs on (jenkinsci/jenkins war/src/main/java/executable/Main.java at its tag). */
    private static final Map<String, List<Integer>> LTS_JAVA = Map.of(
            "2.541", List.of(17, 21, 25), "2.555", List.of(21, 25), "2.568", List.of(21, 25));
    private static final Pattern STUB_HEADER = Pattern.compile("mirrors jenkinsci/(\\S+) .* @ (?:jenkins-|stapler )?(\\S+?)[.]?(?: \\(|$)");

    private static Attributes manifest() throws IOException {
        try (JarFile hpi = new JarFile(System.getProperty("hpi.file", "target/aws-step-functions.hpi"))) {
            try (InputStream in = hpi.getInputStream(hpi.getEntry("META-INF/MANIFEST.MF"))) {
                return new Manifest(new ByteArrayInputStream(in.readAllBytes())).getMainAttributes();
            }
        }
    }

    private static Map<String, String> dependencies() throws IOException {
        Map<String, String> dependencies = new LinkedHashMap<>();
        for (String entry : manifest().getValue("Plugin-Dependencies").split(",")) {
            String[] nameVersion = entry.split(";")[0].split(":");
            dependencies.put(nameVersion[0], nameVersion[1]);
        }
        return dependencies;
    }

    @Test
    void everyDependencyIsAReleaseTagOfItsUpstreamRepository() throws IOException {
        Path manifest = Path.of(System.getProperty("jenkins.fromSource.manifest", "../../shared/jenkins/MANIFEST.txt"));
        Assumptions.assumeTrue(Files.isRegularFile(manifest), "SKIPPED: no " + manifest
                + " (the Jenkins built from source lists the upstream tag of each plugin release there)");
        String built = Files.readString(manifest);
        for (Map.Entry<String, String> dependency : dependencies().entrySet()) {
            String repository = REPOSITORIES.get(dependency.getKey());
            assertThat(repository).as("upstream repository of " + dependency.getKey()).isNotNull();
            // "<id> | <group>:<artifact>:<version> | jenkinsci/<repository> | <ref> | <commit>": the repository was
            // built at the tag named after the release (one line per repository, whichever of its modules it names)
            assertThat(built).as(dependency + " built from its release tag")
                    .containsPattern(":" + Pattern.quote(dependency.getValue()) + " \\| jenkinsci/" + Pattern.quote(repository)
                            + " \\| " + Pattern.quote(dependency.getValue()) + " \\|");
        }
    }

    @Test
    void theStubsMirrorExactlyTheDeclaredReleasesAndJenkinsVersionIsAnLtsOfTheMinimumJava() throws IOException {
        Map<String, String> dependencies = dependencies();
        Attributes manifest = manifest();
        String jenkinsVersion = manifest.getValue("Jenkins-Version");
        Map<String, String> declaredByRepository = new LinkedHashMap<>();
        dependencies.forEach((plugin, version) -> declaredByRepository.put(REPOSITORIES.get(plugin), version));
        declaredByRepository.put("jenkins", jenkinsVersion);
        Path stubs = Path.of(System.getProperty("stubs.dir", "../jenkins-api/src/main/java"));
        int checked = 0;
        try (Stream<Path> files = Files.walk(stubs)) {
            for (Path stub : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher header = STUB_HEADER.matcher(Files.readAllLines(stub).get(0));
                if (!header.find() || !declaredByRepository.containsKey(header.group(1))) {
                    continue; // stapler and annotation libraries come with core or structs
                }
                assertThat(header.group(2)).as(stub + " mirrors the declared release of " + header.group(1))
                        .isEqualTo(declaredByRepository.get(header.group(1)));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(jenkinsVersion).as("an LTS release").matches("2\\.\\d+\\.\\d+");
        String line = jenkinsVersion.substring(0, jenkinsVersion.lastIndexOf('.'));
        assertThat(LTS_JAVA).containsKey(line);
        assertThat(LTS_JAVA.get(line)).as("Jenkins " + jenkinsVersion + " runs on the plugin's Minimum-Java-Version")
                .contains(Integer.parseInt(manifest.getValue("Minimum-Java-Version")));
    }
}
