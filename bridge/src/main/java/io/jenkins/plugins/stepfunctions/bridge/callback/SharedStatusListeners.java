package io.jenkins.plugins.stepfunctions.bridge.callback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One status listener per queue (and connection), shared by the builds that wait on it and counted: the first
 * build to subscribe starts it, the last one to let go stops it, so no listener polls a queue that no build
 * needs any more. A build subscribes again after a restart.
 */
public final class SharedStatusListeners implements AutoCloseable {
    private final Map<String, Shared> listeners = new HashMap<>();

    /** A build's hold on a queue's listener; closing it (again: nothing happens) lets go. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Shared {
        final AutoCloseable listener;
        int users;

        Shared(AutoCloseable listener) {
            this.listener = listener;
        }
    }

    /**
     * @param key   what makes listeners the same: the queue URL and the connection
     * @param start starts the listener, called for the first subscriber only; its close stops it
     */
    public synchronized Subscription subscribe(String key, Supplier<? extends AutoCloseable> start) {
        Shared shared = listeners.get(key);
        if (shared == null) {
            shared = new Shared(start.get());
            listeners.put(key, shared);
        }
        shared.users++;
        Shared held = shared;
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                release(key, held);
            }
        };
    }

    private void release(String key, Shared held) {
        AutoCloseable stop = null;
        synchronized (this) {
            held.users--;
            if (held.users == 0 && listeners.get(key) == held) {
                listeners.remove(key);
                stop = held.listener;
            }
        }
        closeQuietly(stop);
    }

    /** How many builds hold the listener of {@code key}; 0 when none is running. */
    public synchronized int users(String key) {
        Shared shared = listeners.get(key);
        return shared == null ? 0 : shared.users;
    }

    /** Stops every listener (tests; a controller going down). */
    @Override
    public void close() {
        List<AutoCloseable> all;
        synchronized (this) {
            all = new ArrayList<>();
            listeners.values().forEach(s -> all.add(s.listener));
            listeners.clear();
        }
        all.forEach(SharedStatusListeners::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable listener) {
        if (listener == null) {
            return;
        }
        try {
            listener.close();
        } catch (Exception ignored) {
            // a listener that fails to stop stops polling anyway (its running flag is down)
        }
    }
}
