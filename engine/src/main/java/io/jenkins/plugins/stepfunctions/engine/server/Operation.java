package io.jenkins.plugins.stepfunctions.engine.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One API operation: turns a request body into a response body or throws an ApiException. */
@FunctionalInterface
interface Operation {
    ObjectNode handle(ApiRequest request) throws Exception;
}
