package io.jenkins.plugins.stepfunctions.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code sfn}: the Step Functions command line. Each subcommand lives in its own class. */
@Command(name = "sfn", mixinStandardHelpOptions = true, version = "sfn 0.1.0",
        description = "AWS Step Functions for CI: a local engine, and runs you can follow and approve.",
        subcommands = {LocalCommand.class, RunCommand.class, FollowCommand.class, ApproveCommand.class, RejectCommand.class, ValidateCommand.class,
                TestCommand.class})
public final class SfnCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Before any JDK HTTP server of this JVM starts (sfn local's, the callback receiver of sfn run):
        // the JDK reads it once, and without it every answer waits for the client's delayed ACK (40 ms).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        Thread warmUp = new Thread(SfnCommand::loadJson, "sfn-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        System.exit(commandLine().execute(args));
    }

    /**
     * Every command reads or writes JSON, and loading Jackson is the largest part of starting up:
     * it happens on a second thread while picocli reads the command line.
     */
    private static void loadJson() {
        try {
            ObjectMapper mapper = new ObjectMapper();
            mapper.writeValueAsBytes(mapper.readTree("{\"warm\": [1, \"up\", true, null, 1.5]}"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command line as {@code main} runs it, for in-process use (tests, embedding). */
    public static CommandLine commandLine() {
        return new CommandLine(new SfnCommand()).setParameterExceptionHandler(SfnCommand::usageError);
    }

    /** A mistake on the command line: the message and where to read more, not the whole manual. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(command.getColorScheme().errorText(e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, command.getErr());
        command.getErr().println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: run 'sfn --help' to list them");
    }
}
