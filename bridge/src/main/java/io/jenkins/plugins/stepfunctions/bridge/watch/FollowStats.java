package io.jenkins.plugins.stepfunctions.bridge.watch;

import java.util.concurrent.atomic.AtomicLong;

/** Counters for one follower or a whole scheduler: what the benchmark and the logs report. */
public final class FollowStats {
    private final AtomicLong historyCalls = new AtomicLong();
    private final AtomicLong otherCalls = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong throttles = new AtomicLong();
    private final AtomicLong retriedErrors = new AtomicLong();
    private final AtomicLong productivePolls = new AtomicLong();
    private final AtomicLong idlePolls = new AtomicLong();

    void historyCall() {
        historyCalls.incrementAndGet();
    }

    void otherCall() {
        otherCalls.incrementAndGet();
    }

    void event() {
        events.incrementAndGet();
    }

    void throttle() {
        throttles.incrementAndGet();
    }

    void retriedError() {
        retriedErrors.incrementAndGet();
    }

    void poll(boolean delivered) {
        (delivered ? productivePolls : idlePolls).incrementAndGet();
    }

    /** Completed polls that delivered at least one new event. */
    public long productivePolls() {
        return productivePolls.get();
    }

    /** Completed polls that found nothing new: the price of following an idle execution. */
    public long idlePolls() {
        return idlePolls.get();
    }

    public long historyCalls() {
        return historyCalls.get();
    }

    public long otherCalls() {
        return otherCalls.get();
    }

    public long calls() {
        return historyCalls.get() + otherCalls.get();
    }

    public long events() {
        return events.get();
    }

    public long throttles() {
        return throttles.get();
    }

    public long retriedErrors() {
        return retriedErrors.get();
    }

    @Override
    public String toString() {
        return calls() + " calls (" + historyCalls() + " history), " + events() + " events, "
                + throttles() + " throttles, " + retriedErrors() + " retried errors";
    }
}
