package io.jenkins.plugins.stepfunctions.cli;

import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sfn follow}: follow an execution someone else started, from its first event to its end. */
@Command(name = "follow", mixinStandardHelpOptions = true,
        description = "Follow an existing execution to its end; its exit code is the execution's outcome.",
        footer = {"", "Exit codes: 0 succeeded, 1 failed, 2 bad input, 3 timed out, 4 aborted, 5 not found, 6 connection (docs/cli.md)."})
public final class FollowCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    private FollowOptions follow = new FollowOptions();

    @Parameters(index = "0", paramLabel = "EXECUTION_ARN", description = "The execution to follow.")
    private String executionArn;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        follow.check(spec.commandLine());
        if (!executionArn.matches("arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:execution:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+(:[A-Za-z0-9_-]+)?")) {
            err.println("sfn follow: '" + executionArn + "' is not an execution ARN; use arn:aws:states:<region>:<account>:execution:<state machine>:<name>");
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        try (Interruption interruption = Interruption.install("follow", err);
             AwsClients clients = new AwsClients(connection.connection())) {
            BufferedReader terminal = System.console() == null ? null
                    : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            FollowSession session = new FollowSession(clients, follow, spec.commandLine().getOut(), err, terminal,
                    connection.pollingPolicy()).reachedWith(arn -> connection.sameConnection(null, arn));
            // a follower only watches: the execution is someone else's, and goes on
            interruption.following(session, () -> executionArn + " goes on running (sfn follow never stops an execution)");
            return session.follow(executionArn);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.ABORTED;
        } catch (Exception e) {
            return CliErrors.report("follow", e, err);
        }
    }
}
