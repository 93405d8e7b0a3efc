package io.jenkins.plugins.stepfunctions.engine.server;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls the API, as a client would, until a condition holds; fails after a bounded wait. */
final class Awaits {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    static <T> T until(Supplier<T> call, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        T value = call.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not done after " + LIMIT + ": " + value);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = call.get();
        }
        return value;
    }

    private Awaits() {
    }
}
