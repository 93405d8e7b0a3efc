package io.jenkins.plugins.stepfunctions.cli.inprocess;

import io.jenkins.plugins.stepfunctions.engine.server.EngineApi;
import io.jenkins.plugins.stepfunctions.engine.server.EngineServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * The HTTP API of the engine in this process, started only when another process needs it: {@code sfn run --local}
 * calls its engine in the process (no socket), but an approval it waits for must be answerable from another
 * terminal, so the first pending approval starts a loopback server on a free port. Closing it leaves the engine running.
 */
public final class LazyApiServer implements AutoCloseable {
    private final EngineApi api;
    private EngineServer server;

    public LazyApiServer(EngineApi api) {
        this.api = api;
    }

    /** The endpoint another process on this machine reaches the engine at; starts the server the first time. */
    public synchronized URI endpoint() {
        if (server == null) {
            try {
                server = EngineServer.serve(api, "127.0.0.1", 0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot serve the embedded engine's API on 127.0.0.1: " + e.getMessage(), e);
            }
        }
        return server.endpoint();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
        }
    }
}
