package io.jenkins.plugins.stepfunctions.engine.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Requests held open without a thread while their long poll waits. Once a second each one is sent a
 * byte — the response headers first, then a space before the JSON body, which JSON parsers skip — so
 * that a client that has gone away shows up as a failed write and its poll is abandoned at once (the
 * JDK server gives no other sign of it).
 */
final class LongPolls implements AutoCloseable {
    static final long HEARTBEAT_MILLIS = 1000;
    private static final System.Logger LOG = System.getLogger(LongPolls.class.getName());
    private static final byte[] SPACE = {' '};

    /** The answer to write: HTTP status and body. */
    record Answer(int status, byte[] body) {
    }

    private final class Held {
        final HttpExchange exchange;
        final Runnable abandon;
        boolean headersSent;
        boolean ended;

        Held(HttpExchange exchange, Runnable abandon) {
            this.exchange = exchange;
            this.abandon = abandon;
        }

        synchronized void heartbeat() {
            if (ended) {
                return;
            }
            try {
                if (!headersSent) {
                    headers(exchange);
                    exchange.sendResponseHeaders(200, 0);
                    headersSent = true;
                }
                exchange.getResponseBody().write(SPACE);
                exchange.getResponseBody().flush();
            } catch (IOException | RuntimeException clientGone) {
                LOG.log(System.Logger.Level.DEBUG, "long poll client went away; poll abandoned", clientGone);
                end();
                abandon.run();
            }
        }

        synchronized void answer(Answer answer) {
            if (ended) {
                return;
            }
            try {
                if (answer != null) {
                    if (!headersSent) {
                        headers(exchange);
                        exchange.sendResponseHeaders(answer.status(), answer.body().length);
                    }
                    exchange.getResponseBody().write(answer.body());
                }
            } catch (IOException | RuntimeException clientGone) {
                LOG.log(System.Logger.Level.DEBUG, "long poll client went away before its answer", clientGone);
            } finally {
                end();
            }
        }

        private void end() {
            ended = true;
            held.remove(this);
            exchange.close();
        }
    }

    private final Set<Held> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;
    private final Executor writers;
    private final String contentType;

    LongPolls(Executor writers, String contentType) {
        // Answers are written on the request threads; once they are shut down, by whoever completes the poll.
        this.writers = r -> {
            try {
                writers.execute(r);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                r.run();
            }
        };
        this.contentType = contentType;
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "sfn-local-long-polls");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::heartbeats, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
        this.ticker = timer;
    }

    /**
     * Holds {@code exchange} open until {@code poll} answers, then writes what {@code render} makes of
     * the outcome (null: close without an answer).
     */
    void hold(HttpExchange exchange, LongPoll poll, Function<Throwable, Answer> onError,
                  Function<com.fasterxml.jackson.databind.node.ObjectNode, Answer> render) {
        Held h = new Held(exchange, poll.abandon());
        held.add(h);
        poll.answer().whenCompleteAsync((body, error) -> h.answer(error == null ? render.apply(body) : onError.apply(error)),
                writers);
    }

    /** How many requests are held open now. */
    int size() {
        return held.size();
    }

    private void heartbeats() {
        for (Held h : held) {
            h.heartbeat();
        }
    }

    private void headers(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        for (Held h : held) {
            synchronized (h) {
                h.end();
            }
        }
    }
}
