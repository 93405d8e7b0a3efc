package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.WireValues.object;
import static io.jenkins.plugins.stepfunctions.engine.server.WireValues.putIfPresent;
import static io.jenkins.plugins.stepfunctions.engine.server.WireValues.putTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Versions (publish, list, delete) and aliases (create, describe, update, list, delete) of state machines. */
final class VersionAliasOperations {
    private static final String CONFLICT = "ConflictException";

    private final StateMachineStore stateMachines;
    private final Clock clock;

    VersionAliasOperations(StateMachineStore stateMachines, Clock clock) {
        this.stateMachines = stateMachines;
        this.clock = clock;
    }

    void register(Map<String, Operation> operations) {
        operations.put("PublishStateMachineVersion", this::publish);
        operations.put("ListStateMachineVersions", this::listVersions);
        operations.put("DeleteStateMachineVersion", this::deleteVersion);
        operations.put("CreateStateMachineAlias", this::createAlias);
        operations.put("DescribeStateMachineAlias", this::describeAlias);
        operations.put("UpdateStateMachineAlias", this::updateAlias);
        operations.put("ListStateMachineAliases", this::listAliases);
        operations.put("DeleteStateMachineAlias", this::deleteAlias);
    }

    private StateMachineStore.Target unqualified(ApiRequest request) {
        StateMachineStore.Target target = stateMachines.resolve(request.requiredString("stateMachineArn"), "stateMachineArn");
        if (target.version() != null || target.alias() != null) {
            throw ApiErrors.invalidArn(target.arn(), request.operation() + " takes the state machine ARN, without a version or alias");
        }
        return target;
    }

    private ObjectNode publish(ApiRequest request) {
        StateMachineEntry entry = unqualified(request).entry();
        String expectedRevision = request.optionalString("revisionId").orElse(null);
        String description = request.optionalString("description", 256).orElse(null);
        if (expectedRevision != null && !expectedRevision.equals(entry.current().revisionId())) {
            throw new ApiException(CONFLICT, "Conflict: revisionId " + expectedRevision + " is not the current revision ("
                    + entry.current().revisionId() + "); describe the state machine again and publish what you reviewed");
        }
        StateMachineVersion version = entry.publish(clock.instant(), description);
        return putTime(object().put("stateMachineVersionArn", version.arn().toString()), "creationDate", version.creationDate());
    }

    private ObjectNode listVersions(ApiRequest request) {
        StateMachineEntry entry = unqualified(request).entry();
        int maxResults = StateMachineOperations.pageSize(request, 1000);
        long before = request.optionalString("nextToken")
                .map(t -> PageToken.decode(t, "ListStateMachineVersions").positionAsLong()).orElse(Long.MAX_VALUE);
        List<StateMachineVersion> newestFirst = entry.versions().stream()
                .filter(v -> v.number() < before)
                .sorted((a, b) -> Integer.compare(b.number(), a.number()))
                .toList();
        ObjectNode response = object();
        ArrayNode items = response.putArray("stateMachineVersions");
        for (StateMachineVersion version : newestFirst.subList(0, Math.min(maxResults, newestFirst.size()))) {
            putTime(items.addObject().put("stateMachineVersionArn", version.arn().toString()),
                    "creationDate", version.creationDate());
        }
        if (newestFirst.size() > maxResults) {
            response.put("nextToken", new PageToken("ListStateMachineVersions",
                    Integer.toString(newestFirst.get(maxResults - 1).number())).encode());
        }
        return response;
    }

    private ObjectNode deleteVersion(ApiRequest request) {
        String arn = request.requiredString("stateMachineVersionArn");
        StateMachineStore.Target target;
        try {
            target = stateMachines.resolve(arn, "stateMachineVersionArn");
        } catch (ApiException gone) {
            if (gone.type().equals(StateMachineStore.DOES_NOT_EXIST)) {
                return object();
            }
            throw gone;
        }
        if (target.version() == null) {
            throw ApiErrors.invalidArn(arn, "stateMachineVersionArn must name a version, e.g. " + target.entry().arn() + ":1");
        }
        target.entry().deleteVersion(target.version()).ifPresent(alias -> {
            throw new ApiException(CONFLICT, "Conflict: alias " + alias.arn() + " routes executions to " + arn
                    + "; point the alias at another version (UpdateStateMachineAlias) before deleting this one");
        });
        return object();
    }

    private ObjectNode createAlias(ApiRequest request) {
        String name = ResourceNames.requireValid(request.requiredString("name", 1, ResourceNames.MAX_LENGTH), "name");
        if (name.chars().allMatch(Character::isDigit)) {
            throw ApiErrors.validation("name", "'" + name + "'", "Member must not be only digits (those name versions)");
        }
        String description = request.optionalString("description", 256).orElse(null);
        List<StateMachineAlias.Route> routes = routes(request, null);
        StateMachineEntry entry = entryOf(routes.get(0).versionArn());
        ResourceArn arn = entry.arn().withParts(List.of(entry.name(), name));
        StateMachineAlias fresh = new StateMachineAlias(arn, description, routes, clock.instant(), null);
        StateMachineAlias stored = entry.putAliasIfAbsent(fresh);
        if (stored != fresh && !(Objects.equals(stored.description(), description) && stored.routes().equals(routes))) {
            throw new ApiException(CONFLICT, "Conflict: alias " + arn + " exists with another configuration;"
                    + " change it with UpdateStateMachineAlias");
        }
        return putTime(object().put("stateMachineAliasArn", arn.toString()), "creationDate", stored.creationDate());
    }

    private StateMachineStore.Target alias(ApiRequest request) {
        String arn = request.requiredString("stateMachineAliasArn");
        StateMachineStore.Target target = stateMachines.resolve(arn, "stateMachineAliasArn");
        if (target.alias() == null) {
            throw ApiErrors.invalidArn(arn, "stateMachineAliasArn must name an alias, e.g. " + target.entry().arn() + ":PROD");
        }
        return target;
    }

    private ObjectNode describeAlias(ApiRequest request) {
        StateMachineAlias alias = alias(request).alias();
        ObjectNode response = object().put("stateMachineAliasArn", alias.arn().toString()).put("name", alias.name());
        putIfPresent(response, "description", alias.description());
        ArrayNode routing = response.putArray("routingConfiguration");
        alias.routes().forEach(r -> routing.addObject().put("stateMachineVersionArn", r.versionArn()).put("weight", r.weight()));
        putTime(response, "creationDate", alias.creationDate());
        putTime(response, "updateDate", alias.updateDate());
        return response;
    }

    private ObjectNode updateAlias(ApiRequest request) {
        StateMachineStore.Target target = alias(request);
        StateMachineAlias alias = target.alias();
        String description = request.optionalString("description", 256).orElse(alias.description());
        List<StateMachineAlias.Route> routes = request.optionalArray("routingConfiguration").isPresent()
                ? routes(request, target.entry()) : alias.routes();
        StateMachineAlias updated = new StateMachineAlias(alias.arn(), description, routes, alias.creationDate(), clock.instant());
        target.entry().replaceAlias(updated);
        return putTime(object(), "updateDate", updated.updateDate());
    }

    private ObjectNode listAliases(ApiRequest request) {
        StateMachineEntry entry = unqualified(request).entry();
        int maxResults = StateMachineOperations.pageSize(request, 1000);
        String after = request.optionalString("nextToken")
                .map(t -> PageToken.decode(t, "ListStateMachineAliases " + entry.arn()).position()).orElse(null);
        List<StateMachineAlias> all = entry.aliases().stream()
                .filter(a -> after == null || a.name().compareTo(after) > 0).toList();
        ObjectNode response = object();
        ArrayNode items = response.putArray("stateMachineAliases");
        for (StateMachineAlias alias : all.subList(0, Math.min(maxResults, all.size()))) {
            putTime(items.addObject().put("stateMachineAliasArn", alias.arn().toString()), "creationDate", alias.creationDate());
        }
        if (all.size() > maxResults) {
            response.put("nextToken", new PageToken("ListStateMachineAliases " + entry.arn(),
                    all.get(maxResults - 1).name()).encode());
        }
        return response;
    }

    private ObjectNode deleteAlias(ApiRequest request) {
        String arn = request.requiredString("stateMachineAliasArn");
        ResourceArn parsed = ResourceArn.parse(arn, "stateMachineAliasArn", "stateMachine");
        if (parsed.parts().size() != 2) {
            throw ApiErrors.invalidArn(arn, "stateMachineAliasArn must name an alias, e.g. ...:stateMachine:Deploy:PROD");
        }
        try {
            stateMachines.resolve(parsed.withParts(List.of(parsed.name())).toString(), "stateMachineAliasArn")
                    .entry().removeAlias(parsed.parts().get(1));
        } catch (ApiException gone) {
            if (!gone.type().equals(StateMachineStore.DOES_NOT_EXIST)) {
                throw gone;
            }
        }
        return object();
    }

    /** The routingConfiguration member: one or two existing versions of one state machine, weights summing to 100. */
    private List<StateMachineAlias.Route> routes(ApiRequest request, StateMachineEntry expected) {
        JsonNode array = request.optionalArray("routingConfiguration").orElseThrow(() -> ApiErrors.missing("routingConfiguration"));
        if (array.isEmpty() || array.size() > 2) {
            throw ApiErrors.validation("routingConfiguration", "of " + array.size() + " routes",
                    "Member must have length between 1 and 2 (one version, or two for a canary)");
        }
        List<StateMachineAlias.Route> routes = new ArrayList<>();
        Set<String> versions = new HashSet<>();
        StateMachineEntry owner = expected;
        int total = 0;
        for (JsonNode route : array) {
            JsonNode versionArn = route.get("stateMachineVersionArn");
            JsonNode weight = route.get("weight");
            if (versionArn == null || !versionArn.isTextual()) {
                throw ApiErrors.missing("routingConfiguration.member.stateMachineVersionArn");
            }
            if (weight == null || !weight.canConvertToInt() || weight.intValue() < 0 || weight.intValue() > 100) {
                throw ApiErrors.validation("routingConfiguration.member.weight", String.valueOf(weight),
                        "Member must be an integer from 0 to 100");
            }
            StateMachineStore.Target target = stateMachines.resolve(versionArn.asText(), "stateMachineVersionArn");
            if (target.version() == null) {
                throw ApiErrors.invalidArn(versionArn.asText(), "routes must name versions, e.g. " + target.entry().arn() + ":1");
            }
            if (owner != null && owner != target.entry()) {
                throw ApiErrors.validation("routingConfiguration", "'" + versionArn.asText() + "'",
                        "All routes must be versions of the same state machine");
            }
            owner = target.entry();
            if (!versions.add(versionArn.asText())) {
                throw ApiErrors.validation("routingConfiguration", "'" + versionArn.asText() + "'", "Routes must name different versions");
            }
            total += weight.intValue();
            routes.add(new StateMachineAlias.Route(versionArn.asText(), weight.intValue()));
        }
        if (total != 100) {
            throw ApiErrors.validation("routingConfiguration", "with weights summing to " + total, "Weights must sum to 100");
        }
        return List.copyOf(routes);
    }

    private StateMachineEntry entryOf(String versionArn) {
        return stateMachines.resolve(versionArn, "stateMachineVersionArn").entry();
    }
}
