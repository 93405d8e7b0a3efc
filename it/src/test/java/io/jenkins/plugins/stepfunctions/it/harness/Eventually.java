package io.jenkins.plugins.stepfunctions.it.harness;

import java.time.Duration;

/** Polls until a value appears: the running Jenkins and sfn local change state on their own threads. */
public final class Eventually {
    private Eventually() {
    }

    @FunctionalInterface
    public interface Probe<T> {
        /** The value, or null while it has not appeared. */
        T get() throws Exception;
    }

    public static <T> T value(Duration timeout, String what, Probe<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError failure = new AssertionError("timed out after " + timeout + " waiting for " + what);
                if (last != null) {
                    failure.initCause(last);
                }
                throw failure;
            }
            Thread.sleep(200);
        }
    }
}
