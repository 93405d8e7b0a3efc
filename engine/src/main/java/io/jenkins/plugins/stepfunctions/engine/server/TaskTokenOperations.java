package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.WireValues.object;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.ApiException;
import io.jenkins.plugins.stepfunctions.engine.run.ExecutionEngine;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/** SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat: answers to callback and activity tasks. */
final class TaskTokenOperations {
    private static final int MAX_TOKEN = 2048;
    private final Supplier<ExecutionEngine> engine;
    private final ObjectMapper mapper;

    TaskTokenOperations(Supplier<ExecutionEngine> engine, ObjectMapper mapper) {
        this.engine = engine;
        this.mapper = mapper;
    }

    void register(Map<String, Operation> operations) {
        operations.put("SendTaskSuccess", this::success);
        operations.put("SendTaskFailure", this::failure);
        operations.put("SendTaskHeartbeat", this::heartbeat);
    }

    private ObjectNode success(ApiRequest request) {
        String token = request.requiredString("taskToken", 1, MAX_TOKEN);
        String output = request.optionalString("output", ExecutionOperations.MAX_PAYLOAD)
                .orElseThrow(() -> ApiErrors.missing("output"));
        try {
            if (mapper.readTree(output).isMissingNode()) {
                throw new ApiException("InvalidOutput", "Invalid Output: 'output' is empty; send a JSON text such as {}");
            }
        } catch (JsonProcessingException e) {
            throw new ApiException("InvalidOutput", "Invalid Output: '" + e.getOriginalMessage()
                    + "': 'output' must be a JSON text such as {\"approved\": true}");
        }
        int bytes = output.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ExecutionOperations.MAX_PAYLOAD) {
            throw new ApiException("InvalidOutput", "Invalid Output: it is " + bytes + " bytes in UTF-8, over the limit of "
                    + ExecutionOperations.MAX_PAYLOAD + " (256 KiB); pass large results by reference (e.g. an S3 URI)");
        }
        engine.get().sendTaskSuccess(token, output);
        return object();
    }

    private ObjectNode failure(ApiRequest request) {
        String token = request.requiredString("taskToken", 1, MAX_TOKEN);
        String error = request.optionalString("error", 256).orElse(null);
        String cause = request.optionalString("cause", 32_768).orElse(null);
        engine.get().sendTaskFailure(token, error, cause);
        return object();
    }

    private ObjectNode heartbeat(ApiRequest request) {
        engine.get().sendTaskHeartbeat(request.requiredString("taskToken", 1, MAX_TOKEN));
        return object();
    }
}
