package io.jenkins.plugins.stepfunctions.engine.server;

import io.jenkins.plugins.stepfunctions.engine.ApiException;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/** Executions by ARN, and per state machine newest first for ListExecutions. */
final class ExecutionStore {
    private final Map<String, ExecutionEntry> byArn = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentSkipListMap<Long, ExecutionEntry>> byStateMachine = new ConcurrentHashMap<>();
    /** Increases with every start, so listings can run newest first; goes on from the executions a data directory kept. */
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
    /** Told of every execution started here (the data directory writes it down). */
    private final java.util.function.Consumer<ExecutionEntry> started;

    ExecutionStore() {
        this(entry -> {
        });
    }

    ExecutionStore(java.util.function.Consumer<ExecutionEntry> started) {
        this.started = started;
    }

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    ExecutionEntry get(String arn) {
        return byArn.get(arn);
    }

    void add(ExecutionEntry entry) {
        restore(entry);
        started.accept(entry);
    }

    /** An execution a data directory kept. */
    void restore(ExecutionEntry entry) {
        byArn.put(entry.arn(), entry);
        byStateMachine.computeIfAbsent(entry.stateMachineArn(), k -> new ConcurrentSkipListMap<>())
                .put(entry.sequence(), entry);
        sequence.accumulateAndGet(entry.sequence(), Math::max);
    }

    /** Looks up an execution ARN the caller sent; InvalidArn or ExecutionDoesNotExist when it cannot. */
    ExecutionEntry require(String arn, String field) {
        ResourceArn.parse(arn, field, "execution", "express");
        ExecutionEntry entry = byArn.get(arn);
        if (entry == null) {
            throw new ApiException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn
                    + "': check the execution ARN that StartExecution returned (name, state machine and region)");
        }
        return entry;
    }

    /**
     * Up to {@code limit} executions of a state machine that match, newest first, started before
     * the execution of sequence {@code before} (exclusive).
     */
    List<ExecutionEntry> list(String stateMachineArn, long before, Predicate<ExecutionEntry> filter, int limit) {
        ConcurrentNavigableMap<Long, ExecutionEntry> all = byStateMachine.get(stateMachineArn);
        if (all == null) {
            return List.of();
        }
        NavigableMap<Long, ExecutionEntry> older = all.headMap(before, false).descendingMap();
        return older.values().stream().filter(filter).limit(limit).toList();
    }
}
