package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.WireValues.object;
import static io.jenkins.plugins.stepfunctions.engine.server.WireValues.putIfPresent;
import static io.jenkins.plugins.stepfunctions.engine.server.WireValues.putTime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.ApiException;
import io.jenkins.plugins.stepfunctions.engine.asl.Diagnostic;
import io.jenkins.plugins.stepfunctions.engine.asl.InvalidDefinitionException;
import io.jenkins.plugins.stepfunctions.engine.asl.StateMachineDefinition;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Create, describe, update, delete, list and validate state machines. */
final class StateMachineOperations {
    static final int MAX_DEFINITION = 1_048_576;
    private static final Set<String> TYPES = Set.of("STANDARD", "EXPRESS");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");

    private final StateMachineStore stateMachines;
    private final TagStore tags;
    private final Clock clock;

    StateMachineOperations(StateMachineStore stateMachines, TagStore tags, Clock clock) {
        this.stateMachines = stateMachines;
        this.tags = tags;
        this.clock = clock;
    }

    void register(Map<String, Operation> operations) {
        operations.put("CreateStateMachine", this::create);
        operations.put("DescribeStateMachine", this::describe);
        operations.put("UpdateStateMachine", this::update);
        operations.put("DeleteStateMachine", this::delete);
        operations.put("ListStateMachines", this::list);
        operations.put("ValidateStateMachineDefinition", this::validate);
    }

    private ObjectNode create(ApiRequest request) {
        String name = ResourceNames.requireValid(request.requiredString("name", 1, ResourceNames.MAX_LENGTH), "name");
        String definitionText = request.requiredString("definition", 1, MAX_DEFINITION);
        String roleArn = roleArn(request.requiredString("roleArn", 1, 256));
        String type = request.optionalString("type").orElse("STANDARD");
        if (!TYPES.contains(type)) {
            throw ApiErrors.validation("type", "'" + type + "'", "Member must satisfy enum value set: [STANDARD, EXPRESS]");
        }
        String description = request.optionalString("versionDescription", 256).orElse(null);
        StateMachineDefinition definition = parse(definitionText);
        StateMachineRevision revision = new StateMachineRevision(definition, definitionText, roleArn,
                request.optionalObject("loggingConfiguration").orElse(null),
                request.optionalObject("tracingConfiguration").orElse(null),
                UUID.randomUUID().toString(), null);
        ResourceArn arn = ResourceArn.of(request.region(), "stateMachine", name);
        StateMachineEntry fresh = new StateMachineEntry(arn, type, clock.instant(), revision);
        StateMachineEntry stored = stateMachines.putIfAbsent(arn, () -> fresh);
        if (stored != fresh && !sameConfiguration(stored, type, revision)) {
            throw new ApiException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn
                    + "' with a different definition, role or type; choose another name, or change it with UpdateStateMachine");
        }
        tags.put(arn.toString(), TagStore.parse(request));
        ObjectNode response = object().put("stateMachineArn", arn.toString());
        putTime(response, "creationDate", stored.creationDate());
        if (request.flag("publish")) {
            response.put("stateMachineVersionArn", stored.publish(clock.instant(), description).arn().toString());
        }
        return response;
    }

    private ObjectNode describe(ApiRequest request) {
        StateMachineStore.Target target = stateMachines.resolve(request.requiredString("stateMachineArn"), "stateMachineArn");
        if (target.alias() != null) {
            throw ApiErrors.invalidArn(target.arn(), "DescribeStateMachine takes a state machine or version ARN;"
                    + " describe an alias with DescribeStateMachineAlias");
        }
        ObjectNode response = describeRevision(target.arn(), target.entry(), target.revision());
        response.put("status", "ACTIVE").put("type", target.entry().type());
        putTime(response, "creationDate",
                target.version() != null ? target.version().creationDate() : target.entry().creationDate());
        if (target.version() != null) {
            putIfPresent(response, "description", target.version().description());
        }
        return response;
    }

    /** The members DescribeStateMachine and DescribeStateMachineForExecution share. */
    static ObjectNode describeRevision(String arn, StateMachineEntry entry, StateMachineRevision revision) {
        ObjectNode response = object()
                .put("stateMachineArn", arn)
                .put("name", entry.name())
                .put("definition", revision.definitionText())
                .put("roleArn", revision.roleArn());
        response.set("loggingConfiguration", revision.loggingConfiguration() != null
                ? revision.loggingConfiguration()
                : object().put("level", "OFF").put("includeExecutionData", false));
        response.set("tracingConfiguration", revision.tracingConfiguration() != null
                ? revision.tracingConfiguration()
                : object().put("enabled", false));
        response.put("revisionId", revision.revisionId());
        putTime(response, "updateDate", revision.updateDate());
        return response;
    }

    private ObjectNode update(ApiRequest request) {
        StateMachineStore.Target target = stateMachines.resolve(request.requiredString("stateMachineArn"), "stateMachineArn");
        if (target.version() != null || target.alias() != null) {
            throw ApiErrors.invalidArn(target.arn(), "UpdateStateMachine takes the state machine ARN, not a version or alias ARN");
        }
        String definitionText = request.optionalString("definition", MAX_DEFINITION).orElse(null);
        String roleArn = request.optionalString("roleArn", 256).map(StateMachineOperations::roleArn).orElse(null);
        ObjectNode logging = request.optionalObject("loggingConfiguration").orElse(null);
        ObjectNode tracing = request.optionalObject("tracingConfiguration").orElse(null);
        if (definitionText == null && roleArn == null && logging == null && tracing == null) {
            throw new ApiException("MissingRequiredParameter", "Either the definition, the roleArn, the"
                    + " loggingConfiguration or the tracingConfiguration must be specified: add the member to change");
        }
        StateMachineDefinition definition = definitionText != null ? parse(definitionText) : null;
        StateMachineEntry entry = target.entry();
        StateMachineRevision old = entry.current();
        StateMachineRevision revision = new StateMachineRevision(
                definition != null ? definition : old.definition(),
                definitionText != null ? definitionText : old.definitionText(),
                roleArn != null ? roleArn : old.roleArn(),
                logging != null ? logging : old.loggingConfiguration(),
                tracing != null ? tracing : old.tracingConfiguration(),
                UUID.randomUUID().toString(), clock.instant());
        entry.update(revision);
        ObjectNode response = object().put("revisionId", revision.revisionId());
        putTime(response, "updateDate", revision.updateDate());
        if (request.flag("publish")) {
            String description = request.optionalString("versionDescription", 256).orElse(null);
            response.put("stateMachineVersionArn", entry.publish(clock.instant(), description).arn().toString());
        }
        return response;
    }

    private ObjectNode delete(ApiRequest request) {
        String arnText = request.requiredString("stateMachineArn");
        ResourceArn arn = ResourceArn.parse(arnText, "stateMachineArn", "stateMachine");
        // Deleting is idempotent in AWS; executions already running keep their definition and finish.
        stateMachines.remove(arn);
        tags.remove(arn.toString());
        return object();
    }

    private ObjectNode list(ApiRequest request) {
        int maxResults = pageSize(request, 1000);
        String after = request.optionalString("nextToken")
                .map(t -> PageToken.decode(t, "ListStateMachines").position()).orElse(null);
        List<StateMachineEntry> all = stateMachines.list(request.region(), after);
        ObjectNode response = object();
        ArrayNode items = response.putArray("stateMachines");
        for (StateMachineEntry entry : all.subList(0, Math.min(maxResults, all.size()))) {
            ObjectNode item = items.addObject()
                    .put("stateMachineArn", entry.arn().toString())
                    .put("name", entry.name())
                    .put("type", entry.type());
            putTime(item, "creationDate", entry.creationDate());
        }
        if (all.size() > maxResults) {
            response.put("nextToken", new PageToken("ListStateMachines",
                    all.get(maxResults - 1).arn().toString()).encode());
        }
        return response;
    }

    private ObjectNode validate(ApiRequest request) {
        String definitionText = request.requiredString("definition", 1, MAX_DEFINITION);
        String severity = request.optionalString("severity").orElse("ERROR");
        if (!severity.equals("ERROR") && !severity.equals("WARNING")) {
            throw ApiErrors.validation("severity", "'" + severity + "'", "Member must satisfy enum value set: [ERROR, WARNING]");
        }
        int maxResults = request.optionalInt("maxResults", 0, 100).filter(n -> n > 0).orElse(100);
        List<Diagnostic> diagnostics = StateMachineDefinition.validate(definitionText).stream()
                .filter(d -> severity.equals("WARNING") || d.severity().equals("ERROR"))
                .toList();
        ObjectNode response = object().put("result",
                diagnostics.stream().anyMatch(d -> d.severity().equals("ERROR")) ? "FAIL" : "OK");
        ArrayNode items = response.putArray("diagnostics");
        for (Diagnostic d : diagnostics.subList(0, Math.min(maxResults, diagnostics.size()))) {
            items.addObject().put("severity", d.severity()).put("code", d.code())
                    .put("message", d.message()).put("location", d.location());
        }
        response.put("truncated", diagnostics.size() > maxResults);
        return response;
    }

    static int pageSize(ApiRequest request, int max) {
        return request.optionalInt("maxResults", 0, max).filter(n -> n > 0).orElse(100);
    }

    private static boolean sameConfiguration(StateMachineEntry stored, String type, StateMachineRevision revision) {
        StateMachineRevision current = stored.current();
        return stored.type().equals(type)
                && current.definitionText().equals(revision.definitionText())
                && current.roleArn().equals(revision.roleArn())
                && Objects.equals(current.loggingConfiguration(), revision.loggingConfiguration())
                && Objects.equals(current.tracingConfiguration(), revision.tracingConfiguration());
    }

    static String roleArn(String value) {
        if (!ROLE_ARN.matcher(value).matches()) {
            throw ApiErrors.invalidArn(value, "roleArn must be an IAM role ARN such as arn:aws:iam::"
                    + ResourceArn.ACCOUNT + ":role/StepFunctionsRole (sfn local accepts any role)");
        }
        return value;
    }

    private static StateMachineDefinition parse(String definitionText) {
        try {
            return StateMachineDefinition.parse(definitionText);
        } catch (InvalidDefinitionException e) {
            throw new ApiException("InvalidDefinition", "Invalid State Machine Definition: '" + e.getMessage() + "'");
        }
    }
}
