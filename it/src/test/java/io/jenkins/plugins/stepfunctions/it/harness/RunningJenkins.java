package io.jenkins.plugins.stepfunctions.it.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Jenkins controller in its own process: a fresh {@code JENKINS_HOME} holding the plugins of
 * {@code runtime.txt} and the freshly built {@code .hpi}, on a free loopback port, started with
 * {@code java -jar jenkins.war} and stopped by its PID (SIGTERM, which Jenkins answers with a clean shutdown
 * that saves running Pipelines). Its log goes to one file per test class, kept under {@code target/}.
 */
public final class RunningJenkins implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Pattern VERSIONED = Pattern.compile("/([^/]+)/[^/]+/\\1-[^/]+\\.hpi$");

    private final JenkinsFromSource jenkins;
    private final Path home;
    private final Path log;
    private final List<String> extraJavaOptions;
    private int port;
    private Process process;
    private JenkinsRest rest;

    private RunningJenkins(JenkinsFromSource jenkins, Path home, Path log, List<String> extraJavaOptions) {
        this.jenkins = jenkins;
        this.home = home;
        this.log = log;
        this.extraJavaOptions = extraJavaOptions;
    }

    /** Creates the home with every plugin (the one under test last) and starts Jenkins on it. */
    public static RunningJenkins start(JenkinsFromSource jenkins, Path pluginHpi, Path home, Path log,
            List<String> extraJavaOptions) throws IOException, InterruptedException {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        for (Path hpi : jenkins.plugins()) {
            Matcher m = VERSIONED.matcher(hpi.toString().replace('\\', '/'));
            if (!m.find()) {
                throw new IllegalStateException("cannot tell the plugin name of " + hpi);
            }
            // .jpi: the name Jenkins gives plugins it installed itself, so it never "upgrades" them from a bundle
            Files.copy(hpi, plugins.resolve(m.group(1) + ".jpi"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(pluginHpi, plugins.resolve("aws-step-functions.jpi"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(log.getParent());
        RunningJenkins running = new RunningJenkins(jenkins, home, log, extraJavaOptions);
        running.launch();
        return running;
    }

    private void launch() throws IOException, InterruptedException {
        if (port == 0) {
            port = freePort(); // kept across restarts: clients and consoles keep their URLs, as with a real controller
        }
        List<String> command = new ArrayList<>(List.of(jenkins.java().toString(), "-Xmx1g",
                "-Djenkins.install.runSetupWizard=false",
                // no update centre can be reached from here; do not try at every start
                "-Dhudson.model.UpdateCenter.never=true",
                "-Dhudson.model.DownloadService.never=true",
                "-Djava.awt.headless=true"));
        command.addAll(extraJavaOptions);
        command.addAll(List.of("-jar", jenkins.war().toString(),
                "--httpPort=" + port, "--httpListenAddress=127.0.0.1"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JENKINS_HOME", home.toString());
        process = builder.start();
        rest = new JenkinsRest(URI.create("http://127.0.0.1:" + port + "/"));
        awaitUp();
    }

    /** Jenkins answers {@code /api/json} with 200 once it is fully up (503 while it loads). */
    private void awaitUp() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Jenkins exited with " + process.exitValue() + " while starting; see " + log);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(rest.root().resolve("api/json"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                // 503 while it loads; 200, or 403 where anonymous may not read, once it is up
                if (response.statusCode() == 200 || response.statusCode() == 403) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Jenkins did not come up within " + START_TIMEOUT + "; see " + log);
    }

    public JenkinsRest rest() {
        return rest;
    }

    public Path home() {
        return home;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops Jenkins (SIGTERM: a clean shutdown that saves Pipelines) and starts it again on the same home. */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    public void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
