package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.WireValues.object;
import static io.jenkins.plugins.stepfunctions.engine.server.WireValues.putIfPresent;
import static io.jenkins.plugins.stepfunctions.engine.server.WireValues.putTime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.ApiException;
import io.jenkins.plugins.stepfunctions.engine.history.ExecutionHistory;
import io.jenkins.plugins.stepfunctions.engine.history.HistoryEvent;
import io.jenkins.plugins.stepfunctions.engine.run.Execution;
import io.jenkins.plugins.stepfunctions.engine.run.ExecutionEngine;
import io.jenkins.plugins.stepfunctions.engine.run.ExecutionStatus;
import io.jenkins.plugins.stepfunctions.engine.run.RedriveEligibility;
import io.jenkins.plugins.stepfunctions.engine.run.StartRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Start, describe, list, stop and redrive executions; read their history. */
final class ExecutionOperations {
    /** AWS's payload limit for input and output: 256 KiB, UTF-8 encoded. */
    static final int MAX_PAYLOAD = 262_144;
    /** The longest an EXPRESS execution may run, hence the longest StartSyncExecution waits. */
    private static final Duration EXPRESS_LIMIT = Duration.ofMinutes(5);
    private static final List<String> STATUSES = Arrays.stream(ExecutionStatus.values()).map(Enum::name).toList();

    private final StateMachineStore stateMachines;
    private final ExecutionStore executions;
    private final Supplier<ExecutionEngine> engine;
    private final ObjectMapper mapper;
    private final Clock clock;

    ExecutionOperations(StateMachineStore stateMachines, ExecutionStore executions, Supplier<ExecutionEngine> engine,
                        ObjectMapper mapper, Clock clock) {
        this.stateMachines = stateMachines;
        this.executions = executions;
        this.engine = engine;
        this.mapper = mapper;
        this.clock = clock;
    }

    void register(Map<String, Operation> operations) {
        operations.put("StartExecution", this::start);
        operations.put("StartSyncExecution", this::startSync);
        operations.put("DescribeExecution", this::describe);
        operations.put("ListExecutions", this::list);
        operations.put("GetExecutionHistory", this::history);
        operations.put("StopExecution", this::stop);
        operations.put("RedriveExecution", this::redrive);
        operations.put("DescribeStateMachineForExecution", this::describeStateMachine);
    }

    private ObjectNode start(ApiRequest request) {
        ExecutionEntry entry = startEntry(request, false);
        return putTime(object().put("executionArn", entry.arn()), "startDate", entry.execution().startDate());
    }

    private ObjectNode startSync(ApiRequest request) throws Exception {
        ExecutionEntry entry = startEntry(request, true);
        Execution execution = entry.execution();
        try {
            execution.completion().get(EXPRESS_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            execution.stop("States.Timeout", "The EXPRESS execution ran longer than " + EXPRESS_LIMIT.toMinutes() + " minutes");
        }
        ObjectNode response = object()
                .put("executionArn", entry.arn())
                .put("stateMachineArn", entry.stateMachineArn())
                .put("name", execution.request().name());
        Instant stopDate = execution.stopDate() != null ? execution.stopDate() : clock.instant();
        putTime(response, "startDate", execution.startDate());
        putTime(response, "stopDate", stopDate);
        ExecutionStatus status = execution.status();
        response.put("status", status == ExecutionStatus.ABORTED ? "TIMED_OUT" : status.name());
        putIfPresent(response, "error", execution.error());
        putIfPresent(response, "cause", execution.cause());
        response.put("input", execution.request().input());
        response.putObject("inputDetails").put("included", true);
        if (execution.output() != null) {
            response.put("output", execution.output());
            response.putObject("outputDetails").put("included", true);
        }
        putIfPresent(response, "traceHeader", execution.request().traceHeader());
        long millis = Duration.between(execution.startDate(), stopDate).toMillis();
        // AWS bills EXPRESS in 100 ms steps and 64 MB memory steps; clients only read these numbers.
        response.putObject("billingDetails").put("billedMemoryUsedInMB", 64)
                .put("billedDurationInMilliseconds", Math.max(100, (millis + 99) / 100 * 100));
        return response;
    }

    private ExecutionEntry startEntry(ApiRequest request, boolean sync) {
        String requested = request.requiredString("stateMachineArn", 1, 2048);
        int hash = requested.indexOf('#');
        String testCase = hash >= 0 ? requested.substring(hash + 1) : null;
        StateMachineStore.Target target = stateMachines.resolve(hash >= 0 ? requested.substring(0, hash) : requested,
                "stateMachineArn").routed(ThreadLocalRandom.current().nextDouble(100));
        String type = target.entry().type();
        if (sync && !type.equals("EXPRESS")) {
            throw new ApiException("StateMachineTypeNotSupported", "This operation is not supported by this type of"
                    + " state machine: StartSyncExecution runs EXPRESS state machines; use StartExecution for '"
                    + target.arn() + "' (STANDARD)");
        }
        String name = request.optionalString("name")
                .map(n -> ResourceNames.requireValid(n, "name"))
                .orElseGet(() -> UUID.randomUUID().toString());
        String input = request.optionalString("input", MAX_PAYLOAD).orElse("{}");
        JsonNode inputJson = parseInput(input);
        String traceHeader = request.optionalString("traceHeader", 256).orElse(null);
        ResourceArn smArn = target.entry().arn();
        String arn = type.equals("EXPRESS")
                ? ResourceArn.of(smArn.region(), "express", smArn.name(), name, UUID.randomUUID().toString()).toString()
                : ResourceArn.of(smArn.region(), "execution", smArn.name(), name).toString();
        StateMachineRevision revision = target.revision();
        synchronized (executions) {
            ExecutionEntry existing = executions.get(arn);
            if (existing != null) {
                if (existing.execution().status() == ExecutionStatus.RUNNING && sameInput(existing, inputJson)) {
                    return existing;
                }
                throw new ApiException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "' "
                        + (existing.execution().status() == ExecutionStatus.RUNNING
                        ? "is running with a different input; start with another name, or with the same input to get this execution back"
                        : "has finished (" + existing.execution().status() + "); execution names cannot be reused, choose another name"));
            }
            Execution execution = engine.get().start(new StartRequest(arn, name, target.arn(), smArn.name(),
                    revision.roleArn(), revision.definition(), input, type, testCase, traceHeader));
            ExecutionEntry entry = new ExecutionEntry(executions.nextSequence(), arn, smArn.toString(),
                    target.versionArn(), target.aliasArn(), target.entry(), revision, execution);
            executions.add(entry);
            return entry;
        }
    }

    private JsonNode parseInput(String input) {
        JsonNode json;
        try {
            json = mapper.readTree(input);
        } catch (JsonProcessingException e) {
            throw new ApiException("InvalidExecutionInput", "Invalid State Machine Execution Input: '"
                    + e.getOriginalMessage() + "'" + WireValues.position(e) + ": 'input' must be a JSON text such as {\"key\": \"value\"}");
        }
        if (json == null || json.isMissingNode()) {
            throw new ApiException("InvalidExecutionInput", "Invalid State Machine Execution Input: 'input' is empty;"
                    + " give a JSON text such as {} or omit the member");
        }
        int bytes = input.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PAYLOAD) {
            throw new ApiException("InvalidExecutionInput", "Invalid State Machine Execution Input: it is " + bytes
                    + " bytes in UTF-8, over the limit of " + MAX_PAYLOAD + " (256 KiB); pass large data by reference (e.g. an S3 URI)");
        }
        return json;
    }

    private boolean sameInput(ExecutionEntry existing, JsonNode input) {
        try {
            return mapper.readTree(existing.execution().request().input()).equals(input);
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private ObjectNode describe(ApiRequest request) {
        ExecutionEntry entry = executions.require(request.requiredString("executionArn", 1, 2048), "executionArn");
        Execution execution = entry.execution();
        ObjectNode response = object()
                .put("executionArn", entry.arn())
                .put("stateMachineArn", entry.stateMachineArn())
                .put("name", execution.request().name())
                .put("status", execution.status().name());
        putTime(response, "startDate", execution.startDate());
        putTime(response, "stopDate", execution.stopDate());
        response.put("input", execution.request().input());
        response.putObject("inputDetails").put("included", true);
        if (execution.output() != null) {
            response.put("output", execution.output());
            response.putObject("outputDetails").put("included", true);
        }
        putIfPresent(response, "error", execution.error());
        putIfPresent(response, "cause", execution.cause());
        putIfPresent(response, "traceHeader", execution.request().traceHeader());
        putIfPresent(response, "stateMachineVersionArn", entry.versionArn());
        putIfPresent(response, "stateMachineAliasArn", entry.aliasArn());
        response.put("redriveCount", execution.redriveCount());
        putTime(response, "redriveDate", execution.redriveDate());
        redriveStatus(response, entry);
        return response;
    }

    private void redriveStatus(ObjectNode response, ExecutionEntry entry) {
        String refusal = RedriveEligibility.refusal(entry.execution(), clock.instant());
        if (refusal == null) {
            response.put("redriveStatus", "REDRIVABLE");
        } else {
            response.put("redriveStatus", "NOT_REDRIVABLE").put("redriveStatusReason", refusal);
        }
    }

    private ObjectNode list(ApiRequest request) {
        String smArnText = request.optionalString("stateMachineArn").orElse(null);
        if (smArnText == null) {
            if (request.optionalString("mapRunArn").isPresent()) {
                throw ApiErrors.validation("mapRunArn", "given", "sfn local does not list Map Run executions;"
                        + " list by stateMachineArn instead");
            }
            throw ApiErrors.validation("stateMachineArn", "null", "Must provide a StateMachine ARN or MapRun ARN");
        }
        StateMachineStore.Target target = stateMachines.resolve(smArnText, "stateMachineArn");
        String statusFilter = request.optionalString("statusFilter").orElse(null);
        if (statusFilter != null && !STATUSES.contains(statusFilter)) {
            throw ApiErrors.validation("statusFilter", "'" + statusFilter + "'", "Member must satisfy enum value set: " + STATUSES);
        }
        String redriveFilter = request.optionalString("redriveFilter").orElse(null);
        if (redriveFilter != null && !List.of("REDRIVEN", "NOT_REDRIVEN").contains(redriveFilter)) {
            throw ApiErrors.validation("redriveFilter", "'" + redriveFilter + "'", "Member must satisfy enum value set: [REDRIVEN, NOT_REDRIVEN]");
        }
        int maxResults = StateMachineOperations.pageSize(request, 1000);
        String listing = "ListExecutions " + target.arn() + " " + statusFilter + " " + redriveFilter;
        long before = request.optionalString("nextToken")
                .map(t -> PageToken.decode(t, listing).positionAsLong()).orElse(Long.MAX_VALUE);
        String versionArn = target.versionArn();
        String aliasArn = target.aliasArn();
        Predicate<ExecutionEntry> filter = e -> (versionArn == null || versionArn.equals(e.versionArn()))
                && (aliasArn == null || aliasArn.equals(e.aliasArn()))
                && (statusFilter == null || e.execution().status().name().equals(statusFilter))
                && (redriveFilter == null || (e.execution().redriveCount() > 0) == redriveFilter.equals("REDRIVEN"));
        List<ExecutionEntry> page = executions.list(target.entry().arn().toString(), before, filter, maxResults + 1);
        ObjectNode response = object();
        ArrayNode items = response.putArray("executions");
        for (ExecutionEntry entry : page.subList(0, Math.min(maxResults, page.size()))) {
            Execution execution = entry.execution();
            ObjectNode item = items.addObject()
                    .put("executionArn", entry.arn())
                    .put("stateMachineArn", entry.stateMachineArn())
                    .put("name", execution.request().name())
                    .put("status", execution.status().name());
            putTime(item, "startDate", execution.startDate());
            putTime(item, "stopDate", execution.stopDate());
            putIfPresent(item, "stateMachineVersionArn", entry.versionArn());
            putIfPresent(item, "stateMachineAliasArn", entry.aliasArn());
            item.put("redriveCount", execution.redriveCount());
            putTime(item, "redriveDate", execution.redriveDate());
        }
        if (page.size() > maxResults) {
            response.put("nextToken", new PageToken(listing, Long.toString(page.get(maxResults - 1).sequence())).encode());
        }
        return response;
    }

    private ObjectNode history(ApiRequest request) {
        ExecutionEntry entry = executions.require(request.requiredString("executionArn", 1, 2048), "executionArn");
        int maxResults = StateMachineOperations.pageSize(request, 1000);
        boolean reverse = request.flag("reverseOrder");
        boolean includeData = request.flag("includeExecutionData", true);
        String listing = "GetExecutionHistory " + entry.arn() + (reverse ? " reverse" : " forward");
        ExecutionHistory history = entry.execution().history();
        int size = history.size();
        int position = request.optionalString("nextToken")
                .map(t -> (int) PageToken.decode(t, listing).positionAsLong())
                .orElse(reverse ? size - 1 : 0);
        if (position < -1 || position > size) {
            throw ApiErrors.invalidToken("nextToken points past the history of this execution; omit it to start over");
        }
        List<HistoryEvent> events;
        Integer next = null;
        if (reverse) {
            int from = Math.max(0, position - maxResults + 1);
            events = new ArrayList<>(history.slice(from, position + 1));
            Collections.reverse(events);
            if (from > 0) {
                next = from - 1;
            }
        } else {
            int to = Math.min(size, position + maxResults);
            events = history.slice(position, to);
            if (to < size) {
                next = to;
            }
        }
        ObjectNode response = object();
        ArrayNode items = response.putArray("events");
        for (HistoryEvent event : events) {
            items.add(HistoryEventJson.of(event, includeData));
        }
        if (next != null) {
            response.put("nextToken", new PageToken(listing, Integer.toString(next)).encode());
        }
        return response;
    }

    private ObjectNode stop(ApiRequest request) {
        ExecutionEntry entry = executions.require(request.requiredString("executionArn", 1, 2048), "executionArn");
        String error = request.optionalString("error", 256).orElse(null);
        String cause = request.optionalString("cause", 32_768).orElse(null);
        Execution execution = entry.execution();
        execution.stop(error, cause);
        return putTime(object(), "stopDate", execution.stopDate() != null ? execution.stopDate() : clock.instant());
    }

    private ObjectNode redrive(ApiRequest request) {
        ExecutionEntry entry = executions.require(request.requiredString("executionArn", 1, 2048), "executionArn");
        request.optionalString("clientToken", 64);
        if (entry.stateMachine().type().equals("EXPRESS")) {
            throw new ApiException("ExecutionNotRedrivable", "Execution Not Redrivable: '" + entry.arn()
                    + "' is an EXPRESS execution; only STANDARD executions can be redriven, start a new execution instead");
        }
        Execution execution = entry.execution();
        execution.redrive();
        return putTime(object(), "redriveDate", execution.redriveDate() != null ? execution.redriveDate() : clock.instant());
    }

    private ObjectNode describeStateMachine(ApiRequest request) {
        ExecutionEntry entry = executions.require(request.requiredString("executionArn", 1, 2048), "executionArn");
        ObjectNode response = StateMachineOperations.describeRevision(entry.stateMachineArn(), entry.stateMachine(),
                entry.revision());
        if (!response.has("updateDate")) {
            putTime(response, "updateDate", entry.stateMachine().creationDate());
        }
        return response;
    }
}
