package io.jenkins.plugins.stepfunctions.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Jenkins 2.578 built from the jenkinsci sources ({@code ../shared/jenkins}): its war, the plugins a
 * controller loads ({@code runtime.txt}) and a Java new enough to run it (21 or later; these machines have
 * Temurin 25). Absent pieces are reported as one sentence, so that tests can say plainly why they skipped.
 */
public record JenkinsFromSource(Path war, List<Path> plugins, Path java) {

    /** What is missing on this machine, or the Jenkins to run. */
    public sealed interface Found permits Available, Missing {
    }

    public record Available(JenkinsFromSource jenkins) implements Found {
    }

    public record Missing(String why) implements Found {
    }

    public static Found locate() {
        Path dir = Path.of(System.getProperty("jenkins.fromSource.dir", "../../shared/jenkins")).normalize();
        Path runtime = dir.resolve("runtime.txt");
        if (!Files.isRegularFile(runtime)) {
            return new Missing("no Jenkins built from source at " + dir + " (runtime.txt not found); set"
                    + " -Djenkins.fromSource.dir to the folder that holds runtime.txt");
        }
        List<Path> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(runtime)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    entries.add(dir.resolve(line.trim()));
                }
            }
        } catch (IOException e) {
            return new Missing("cannot read " + runtime + ": " + e.getMessage());
        }
        Optional<Path> absent = entries.stream().filter(p -> !Files.isRegularFile(p)).findFirst();
        if (entries.isEmpty() || absent.isPresent()) {
            return new Missing(runtime + " names " + absent.map(Path::toString).orElse("no war") + ", which is absent");
        }
        Optional<Path> java = javaForJenkins();
        if (java.isEmpty()) {
            return new Missing("Jenkins 2.578 needs Java 21 or later: set JENKINS_JAVA to its java binary"
                    + " (none found under /usr/lib/jvm)");
        }
        return new Available(new JenkinsFromSource(entries.get(0), List.copyOf(entries.subList(1, entries.size())),
                java.get()));
    }

    /** {@code JENKINS_JAVA}, else the newest JDK 21+ under /usr/lib/jvm (Temurin 25 on these machines). */
    private static Optional<Path> javaForJenkins() {
        String configured = System.getenv("JENKINS_JAVA");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java"));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jvms)) {
            return dirs.filter(d -> featureVersion(d) >= 21)
                    .max(Comparator.comparingInt(JenkinsFromSource::featureVersion))
                    .map(d -> d.resolve("bin/java"))
                    .filter(Files::isExecutable);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int featureVersion(Path jdk) {
        Matcher m = Pattern.compile("(?:jdk-?|java-|temurin-)(\\d+)")
                .matcher(jdk.getFileName().toString());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
