package io.jenkins.plugins.stepfunctions.engine.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;

/**
 * A call whose answer comes later (GetActivityTask): {@code answer} completes with the response body;
 * {@code abandon} ends the wait when the client has gone away.
 */
record LongPoll(CompletableFuture<ObjectNode> answer, Runnable abandon) {

    /** An operation answered by a long poll; the request thread is not held while it waits. */
    @FunctionalInterface
    interface Operation {
        LongPoll start(ApiRequest request) throws Exception;
    }
}
