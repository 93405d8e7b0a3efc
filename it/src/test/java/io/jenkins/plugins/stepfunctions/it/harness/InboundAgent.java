package io.jenkins.plugins.stepfunctions.it.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Jenkins agent in its own JVM, connected the way inbound agents connect (agent.jar over WebSocket, with the
 * node's secret): builds that run on it reach their workspace, and run plugin code, through remoting. Created
 * with the script console, as an administrator's provisioning script would; stopped by destroying its process.
 */
public final class InboundAgent implements AutoCloseable {
    private final String name;
    private final Path root;
    private final Process process;

    private InboundAgent(String name, Path root, Process process) {
        this.name = name;
        this.root = root;
        this.process = process;
    }

    static InboundAgent start(JenkinsRest jenkins, Path java, String name, Path dir, Path log)
            throws IOException, InterruptedException {
        Path root = Files.createDirectories(dir.resolve("remote-fs")).toAbsolutePath();
        String secret = jenkins.postForm("scriptText", Map.of("script", """
                def node = new hudson.slaves.DumbSlave('%s', '%s', new hudson.slaves.JNLPLauncher())
                node.numExecutors = 1
                node.labelString = '%s'
                jenkins.model.Jenkins.get().addNode(node)
                print jenkins.model.Jenkins.get().getComputer('%s').jnlpMac
                """.formatted(name, root, name, name))).body().trim();
        if (!secret.matches("[0-9a-f]{64}")) {
            throw new IllegalStateException("creating agent " + name + " through the script console answered: " + secret);
        }
        Path agentJar = dir.resolve("agent.jar");
        HttpResponse<Path> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(jenkins.root().resolve("jnlpJars/agent.jar")).build(),
                HttpResponse.BodyHandlers.ofFile(agentJar));
        if (download.statusCode() != 200) {
            throw new IllegalStateException("GET jnlpJars/agent.jar: HTTP " + download.statusCode());
        }
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-jar", agentJar.toString(),
                "-url", jenkins.root().toString(), "-secret", secret, "-name", name, "-webSocket",
                "-workDir", root.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        InboundAgent agent = new InboundAgent(name, root, process);
        try {
            Eventually.value(Duration.ofMinutes(1), "agent " + name + " online (log: " + log + ")", () -> jenkins
                    .json("computer/" + name + "/api/json").path("offline").asBoolean(true) ? null : true);
        } catch (RuntimeException | Error | InterruptedException e) {
            agent.close();
            throw e;
        }
        return agent;
    }

    public String name() {
        return name;
    }

    /** The agent's remote root: its workspaces are under {@code workspace/}. */
    public Path root() {
        return root;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
