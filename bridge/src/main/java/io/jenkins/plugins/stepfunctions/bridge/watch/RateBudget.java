package io.jenkins.plugins.stepfunctions.bridge.watch;

import java.time.Duration;

/**
 * A token bucket for API calls of one account and region. {@link #reserve()} never blocks: it takes
 * a slot and says how long to wait before using it, so callers schedule instead of sleeping.
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

    /** Takes one call's slot; returns how long to wait before making the call (zero: now). */
    public synchronized Duration reserve() {
        return take(1);
    }

    /** Accounts for calls already made beyond the reserved one (heartbeats, definition lookups). */
    public synchronized void charge(int calls) {
        if (calls > 0) {
            take(calls);
        }
    }

    private Duration take(int n) {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
        last = now;
        tokens -= n;
        return tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) (-tokens / perSecond * 1e9));
    }
}
