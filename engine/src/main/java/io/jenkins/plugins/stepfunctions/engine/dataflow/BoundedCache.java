package io.jenkins.plugins.stepfunctions.engine.dataflow;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A thread-safe memo of compiled expressions, keyed by their source text. The static entry points of
 * this package evaluate the same expressions of a definition on every transition, so compiling once
 * matters; the cache is private to its owner, holds only values derived from the key (never caller
 * state), and is emptied when it grows past its bound so that generated expressions cannot exhaust
 * the heap. Emptying is cheaper than LRU bookkeeping and costs only a recompile.
 */
final class BoundedCache<V> {
    private final int maxEntries;
    private final Function<String, V> compiler;
    private final ConcurrentHashMap<String, V> entries = new ConcurrentHashMap<>();

    BoundedCache(int maxEntries, Function<String, V> compiler) {
        this.maxEntries = maxEntries;
        this.compiler = compiler;
    }

    V get(String key) {
        V value = entries.get(key);
        if (value != null) {
            return value;
        }
        value = compiler.apply(key);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, value);
        return value;
    }
}
