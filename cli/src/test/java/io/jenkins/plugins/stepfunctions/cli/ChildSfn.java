package io.jenkins.plugins.stepfunctions.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code sfn} in a process of its own ({@code java -cp} with the test classpath), as a person or a CI
 * starts it: signals reach it as they would, and its exit code is the JVM's.
 */
final class ChildSfn implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    final Process process;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();

    private ChildSfn(Process process) {
        this.process = process;
        copy(process.getInputStream(), out);
        copy(process.getErrorStream(), err);
    }

    /** The command line that starts sfn in a fresh JVM, {@code args} appended. */
    static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                SfnCommand.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    static ChildSfn start(String... args) throws IOException {
        return new ChildSfn(new ProcessBuilder(javaCommand(args)).start());
    }

    /** Runs {@code line} with /bin/sh, where {@code sfn} is this build's sfn: a command exactly as printed. */
    static ChildSfn shell(String line, Path scratch) throws IOException {
        Path bin = Files.createDirectories(scratch.resolve("bin"));
        Path sfn = bin.resolve("sfn");
        StringBuilder script = new StringBuilder("#!/bin/sh\nexec");
        for (String word : javaCommand()) {
            script.append(' ').append(ApproveCommandLine.quoted(word));
        }
        Files.writeString(sfn, script.append(" \"$@\"\n").toString());
        Files.setPosixFilePermissions(sfn, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", line);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        return new ChildSfn(builder.start());
    }

    private static void copy(InputStream from, StringBuffer to) {
        Thread copier = new Thread(() -> {
            try (Reader reader = new InputStreamReader(from, StandardCharsets.UTF_8)) {
                char[] buffer = new char[4096];
                for (int n; (n = reader.read(buffer)) > 0; ) {
                    to.append(buffer, 0, n);
                }
            } catch (IOException ended) {
                // the process is gone
            }
        }, "child-sfn-output");
        copier.setDaemon(true);
        copier.start();
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** Waits until standard output holds {@code text}; fails with both outputs if it does not come. */
    void awaitOut(String text) throws InterruptedException {
        await(out, text);
    }

    void awaitErr(String text) throws InterruptedException {
        await(err, text);
    }

    private void await(StringBuffer stream, String text) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (stream.indexOf(text) < 0) {
            if (System.nanoTime() > end || !process.isAlive() && stream.indexOf(text) < 0) {
                Thread.sleep(100);
                throw new AssertionError("no '" + text + "' from sfn (alive: " + process.isAlive() + ")\nout:\n" + out() + "\nerr:\n" + err());
            }
            Thread.sleep(20);
        }
    }

    /** Sends a signal, as {@code kill -NAME pid} does: INT is Ctrl-C. */
    void signal(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new AssertionError("kill -" + name + " failed");
        }
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("sfn did not end\nout:\n" + out() + "\nerr:\n" + err());
        }
        Thread.sleep(50); // the last output reaches the copiers
        return process.exitValue();
    }

    /**
     * Whether this process ignores SIGINT (a shell's background job does): its children then ignore it too, and
     * the JVM leaves an ignored SIGINT ignored, so a Ctrl-C test cannot run here.
     */
    static boolean sigintIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0x2) != 0;
                }
            }
        } catch (IOException | RuntimeException unknown) {
            // not Linux: assume Ctrl-C reaches the child
        }
        return false;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
