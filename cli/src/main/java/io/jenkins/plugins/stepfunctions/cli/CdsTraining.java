package io.jenkins.plugins.stepfunctions.cli;

import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import io.jenkins.plugins.stepfunctions.engine.server.EngineServer;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine;

/**
 * The build's training run for the class-data sharing archive of the {@code sfn} launcher (cli/pom.xml runs it
 * with {@code -XX:ArchiveClassesAtExit}): one JVM that goes through the paths a command takes, so that the archive
 * holds their classes. {@code sfn run --local} (the engine in this process), then the same definition over HTTP
 * against an {@link EngineServer} ({@code sfn local}'s server; {@code sfn run/follow --endpoint}'s SDK client and
 * follower). Output is discarded; the exit code is the first failure's.
 *
 * <p>{@code java -cp sfn.jar io.jenkins.plugins.stepfunctions.cli.CdsTraining DEFINITION}
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        String definition = args[0];
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        int local = quiet().execute("run", "--local", definition, "--input", "{\"n\": 2}", "--time-scale", "0.001");
        int overHttp;
        try (EngineServer server = EngineServer.start("127.0.0.1", 0, new EngineConfig(Clock.systemUTC(), 0.001, null, null))) {
            overHttp = quiet().execute("run", "--endpoint", server.endpoint().toString(), definition, "--input", "{\"n\": 2}");
        }
        System.exit(local != 0 ? local : overHttp);
    }

    private static CommandLine quiet() {
        CommandLine cli = SfnCommand.commandLine();
        cli.setOut(new PrintWriter(OutputStream.nullOutputStream()));
        cli.setErr(new PrintWriter(System.err, true));
        return cli;
    }
}
