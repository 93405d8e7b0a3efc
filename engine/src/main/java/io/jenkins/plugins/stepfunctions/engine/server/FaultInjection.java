package io.jenkins.plugins.stepfunctions.engine.server;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;

/**
 * Makes the server misbehave the way AWS does under load, so that clients can prove they lose
 * nothing: ThrottlingException, HTTP 500, slow answers and connections closed without an answer.
 * Off until a plan is set; thread-safe; can be changed while requests are in flight.
 */
public final class FaultInjection {
    private final AtomicReference<FaultPlan> plan = new AtomicReference<>(FaultPlan.NONE);
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong delayed = new AtomicLong();
    private final DoubleSupplier random;

    FaultInjection() {
        this(() -> ThreadLocalRandom.current().nextDouble());
    }

    FaultInjection(DoubleSupplier random) {
        this.random = random;
    }

    /** Replaces the current plan; {@link FaultPlan#NONE} switches faults off. */
    public FaultInjection set(FaultPlan newPlan) {
        plan.set(newPlan);
        return this;
    }

    /** Parses and applies a plan written as for {@code sfn local --faults}, see {@link FaultPlan#parse}. */
    public FaultInjection set(String spec) {
        return set(FaultPlan.parse(spec));
    }

    public FaultInjection off() {
        return set(FaultPlan.NONE);
    }

    public FaultPlan plan() {
        return plan.get();
    }

    /** How many faults of each kind the server has injected since it started. */
    public Counts counts() {
        return new Counts(throttled.get(), failed.get(), dropped.get(), lost.get(), delayed.get());
    }

    /** Decides the fault for one request of {@code operation}; counts it. */
    Fault decide(String operation) {
        FaultPlan current = plan.get();
        if (!current.appliesTo(operation)) {
            return Fault.NONE_NO_DELAY;
        }
        Duration delay = Duration.ZERO;
        if (!current.delay().isZero() && random.getAsDouble() < current.delayRate()) {
            delay = current.delay();
            delayed.incrementAndGet();
        }
        double roll = random.getAsDouble();
        Fault.Kind kind = Fault.Kind.NONE;
        if (roll < current.drop()) {
            kind = Fault.Kind.DROP;
            dropped.incrementAndGet();
        } else if ((roll -= current.drop()) < current.error500()) {
            kind = Fault.Kind.ERROR_500;
            failed.incrementAndGet();
        } else if ((roll -= current.error500()) < current.throttle()) {
            kind = Fault.Kind.THROTTLE;
            throttled.incrementAndGet();
        } else if (roll - current.throttle() < current.lose()) {
            kind = Fault.Kind.LOSE_RESPONSE;
            lost.incrementAndGet();
        }
        return new Fault(kind, delay);
    }

    /** What the server does to one request. */
    record Fault(Kind kind, Duration delay) {
        static final Fault NONE_NO_DELAY = new Fault(Kind.NONE, Duration.ZERO);

        /** DROP closes the connection before the request runs; LOSE_RESPONSE runs it, then closes. */
        enum Kind { NONE, THROTTLE, ERROR_500, DROP, LOSE_RESPONSE }
    }

    public record Counts(long throttled, long error500, long dropped, long lostResponses, long delayed) {
        /** Requests that got no normal answer. */
        public long total() {
            return throttled + error500 + dropped + lostResponses;
        }
    }

    /**
     * Rates are probabilities per request (0..1); {@code throttle + error500 + drop + lose} must not
     * exceed 1. {@code drop} closes the connection before the request runs, {@code lose} after it ran
     * (the caller cannot tell whether it took effect: the case idempotent retries exist for). A delay
     * applies to a request with probability {@code delayRate} before any other fault.
     *
     * @param operations the operations affected (e.g. {@code GetExecutionHistory}); empty means all
     */
    public record FaultPlan(double throttle, double error500, double drop, double lose, Duration delay,
                            double delayRate, Set<String> operations) {
        public static final FaultPlan NONE = new FaultPlan(0, 0, 0, 0, Duration.ZERO, 0, Set.of());

        public FaultPlan {
            requireRate("throttle", throttle);
            requireRate("error500", error500);
            requireRate("drop", drop);
            requireRate("lose", lose);
            requireRate("delay rate", delayRate);
            double sum = throttle + error500 + drop + lose;
            if (sum > 1.0 + 1e-9) {
                throw new IllegalArgumentException("throttle + error500 + drop + lose is " + sum
                        + ": the rates are shares of the same requests, so their sum must be at most 1");
            }
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay " + delay + " is negative: give a duration such as 200ms");
            }
            operations = Set.copyOf(operations);
        }

        public FaultPlan withThrottle(double rate) {
            return new FaultPlan(rate, error500, drop, lose, delay, delayRate, operations);
        }

        public FaultPlan withError500(double rate) {
            return new FaultPlan(throttle, rate, drop, lose, delay, delayRate, operations);
        }

        public FaultPlan withDrop(double rate) {
            return new FaultPlan(throttle, error500, rate, lose, delay, delayRate, operations);
        }

        public FaultPlan withLose(double rate) {
            return new FaultPlan(throttle, error500, drop, rate, delay, delayRate, operations);
        }

        public FaultPlan withDelay(Duration newDelay, double rate) {
            return new FaultPlan(throttle, error500, drop, lose, newDelay, rate, operations);
        }

        /** Restricts the plan to these operations (names without the {@code AWSStepFunctions.} prefix). */
        public FaultPlan onlyFor(Set<String> newOperations) {
            return new FaultPlan(throttle, error500, drop, lose, delay, delayRate, newOperations);
        }

        boolean appliesTo(String operation) {
            boolean active = throttle > 0 || error500 > 0 || drop > 0 || lose > 0 || delayRate > 0 && !delay.isZero();
            return active && (operations.isEmpty() || operations.contains(operation));
        }

        /**
         * Parses {@code throttle=0.1,error500=0.05,drop=0.02,lose=0.01,delay=200ms[@0.5],ops=GetExecutionHistory+DescribeExecution}.
         * Every key is optional; {@code delay} applies to every request unless a rate follows {@code @};
         * durations take {@code ms} or {@code s}. An empty string or {@code off} means no faults.
         */
        public static FaultPlan parse(String spec) {
            FaultPlan result = NONE;
            if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("off")) {
                return result;
            }
            for (String part : spec.split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length != 2 || kv[1].isBlank()) {
                    throw new IllegalArgumentException("fault '" + part.trim() + "' has no value: write key=value,"
                            + " e.g. throttle=0.1,error500=0.05,drop=0.02,delay=200ms");
                }
                String key = kv[0].trim().toLowerCase(Locale.ROOT);
                String value = kv[1].trim();
                result = switch (key) {
                    case "throttle" -> result.withThrottle(rate(key, value));
                    case "error500", "500" -> result.withError500(rate(key, value));
                    case "drop" -> result.withDrop(rate(key, value));
                    case "lose" -> result.withLose(rate(key, value));
                    case "delay" -> {
                        String[] at = value.split("@", 2);
                        yield result.withDelay(duration(at[0]), at.length == 2 ? rate("delay rate", at[1]) : 1.0);
                    }
                    case "ops", "operations" -> result.onlyFor(Set.of(value.split("\\+")));
                    default -> throw new IllegalArgumentException("unknown fault '" + kv[0].trim()
                            + "': use throttle, error500, drop, lose, delay or ops");
                };
            }
            return result;
        }

        private static double rate(String key, String value) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + "=" + value + " is not a number: give a rate between 0 and 1, e.g. 0.1");
            }
        }

        private static Duration duration(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
                }
                if (v.endsWith("s")) {
                    return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).trim()) * 1000));
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new IllegalArgumentException("delay=" + value + " is not a duration: write e.g. 200ms or 1.5s");
        }

        private static void requireRate(String name, double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException(name + " rate " + rate + " is outside 0..1: give a probability per request, e.g. 0.1");
            }
        }
    }
}
