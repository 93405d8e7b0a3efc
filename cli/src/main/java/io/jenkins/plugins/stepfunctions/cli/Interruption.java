package io.jenkins.plugins.stepfunctions.cli;

import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What Ctrl-C (SIGINT) or SIGTERM does to {@code sfn run} and {@code sfn follow}: the JVM runs its shutdown hooks,
 * and this one silences the session (a line is printed whole or not at all, and none after), does what the command
 * promises to the execution (stop it, or leave it running), says so in one line, and ends the process with exit
 * code 4 (aborted) as docs/cli.md promises. Without it the JVM would end with 130 or 143, which no CI script expects:
 * {@link Runtime#halt} is the one way a shutdown hook sets the exit code.
 */
final class Interruption implements AutoCloseable {
    /** How long the hook waits for StopExecution: the process must end even when the endpoint does not answer. */
    private static final long STOP_SECONDS = 10;

    private final String command;
    private final PrintWriter err;
    private final Thread hook;
    private volatile FollowSession session;
    private volatile Supplier<String> action = () -> "no execution was started";

    private Interruption(String command, PrintWriter err) {
        this.command = command;
        this.err = err;
        this.hook = new Thread(this::interrupted, "sfn-" + command + "-interrupted");
    }

    /** From now until {@link #close()}, an interruption ends the command with exit code 4. */
    static Interruption install(String command, PrintWriter err) {
        Interruption interruption = new Interruption(command, err);
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    /**
     * @param action what to do to the execution, returning what was done in words ("stopped ..."); run at most
     *               once, on the hook's thread, bounded by {@link #STOP_SECONDS}
     */
    void following(FollowSession session, Supplier<String> action) {
        this.session = session;
        this.action = action;
    }

    /** Before anything is followed, what an interruption does to the execution now known. */
    void onInterrupt(Supplier<String> action) {
        this.action = action;
    }

    private void interrupted() {
        FollowSession s = session;
        if (s != null) {
            s.silence();
        }
        String done;
        try {
            done = CompletableFuture.supplyAsync(action).get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            done = "no answer within " + STOP_SECONDS + " s: the execution may still be running";
        } catch (java.util.concurrent.ExecutionException e) {
            done = "could not finish: " + e.getCause().getMessage();
        } catch (InterruptedException e) {
            done = "did not wait for the execution to stop";
        }
        String line = "sfn " + command + ": interrupted; " + done;
        if (s != null) {
            s.lastWords(line);
        } else {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        }
        System.out.flush();
        Runtime.getRuntime().halt(ExitCodes.ABORTED);
    }

    /** The command ended on its own: an interruption from now on is the JVM's business. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // interrupted just now: the hook runs and decides the exit code
        }
    }
}
