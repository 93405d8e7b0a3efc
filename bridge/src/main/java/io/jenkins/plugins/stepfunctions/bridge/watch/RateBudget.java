package io.jenkins.plugins.stepfunctions.bridge.watch;

import java.time.Duration;

/**
 * A token bucket for API calls of one account and region. {@link #tryTake()} never blocks: it takes
 * a token or says how long until one is there, so callers schedule instead of sleeping. Calls made
 * beyond the token taken are {@link #charge charged} afterwards and delay the next ones.
 * AWS refills GetExecutionHistory at 20/s (burst 250); the default stays below that.
 */
public final class RateBudget {
    public static final double DEFAULT_CALLS_PER_SECOND = 16;

    private final double perSecond;
    private final double burst;
    private final java.util.function.LongSupplier nanoTime;
    private double tokens;
    private long last;

    public RateBudget(double perSecond, double burst, java.util.function.LongSupplier nanoTime) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("calls per second must be positive, was " + perSecond);
        }
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.nanoTime = nanoTime;
        this.tokens = this.burst;
        this.last = nanoTime.getAsLong();
    }

    public RateBudget(double perSecond) {
        this(perSecond, Math.max(1, perSecond), System::nanoTime);
    }

    public double perSecond() {
        return perSecond;
    }

    /** Takes a token and returns zero, or takes nothing and returns how long until a token is there. */
    public synchronized Duration tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(1_000_000L, (long) ((1 - tokens) / perSecond * 1e9)));
    }

    /** Accounts for calls already made beyond the token taken (heartbeats, definition lookups). */
    public synchronized void charge(int calls) {
        if (calls > 0) {
            refill();
            tokens -= calls;
        }
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
        last = now;
    }
}
