package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.WireValues.object;
import static io.jenkins.plugins.stepfunctions.engine.server.WireValues.putTime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.ApiException;
import io.jenkins.plugins.stepfunctions.engine.run.ActivityTask;
import io.jenkins.plugins.stepfunctions.engine.run.ExecutionEngine;
import io.jenkins.plugins.stepfunctions.engine.server.ActivityStore.Activity;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Activities: create, describe, list, delete, and the GetActivityTask long poll of workers. */
final class ActivityOperations {
    /** AWS holds a GetActivityTask request up to 60 s; clients set their socket timeout above it. */
    static final Duration LONG_POLL = Duration.ofSeconds(60);

    private final ActivityStore activities;
    private final Supplier<ExecutionEngine> engine;
    private final TagStore tags;
    private final Clock clock;

    ActivityOperations(ActivityStore activities, Supplier<ExecutionEngine> engine, TagStore tags, Clock clock) {
        this.activities = activities;
        this.engine = engine;
        this.tags = tags;
        this.clock = clock;
    }

    void registerLongPolls(Map<String, LongPoll.Operation> longPolls) {
        longPolls.put("GetActivityTask", this::getTask);
    }

    void register(Map<String, Operation> operations) {
        operations.put("CreateActivity", this::create);
        operations.put("DescribeActivity", this::describe);
        operations.put("ListActivities", this::list);
        operations.put("DeleteActivity", this::delete);
    }

    private ObjectNode create(ApiRequest request) {
        String name = ResourceNames.requireValid(request.requiredString("name", 1, ResourceNames.MAX_LENGTH), "name");
        ResourceArn arn = ResourceArn.of(request.region(), "activity", name);
        Activity activity = activities.computeIfAbsent(arn.toString(), k -> {
            engine.get().registerActivity(k);
            return new Activity(arn, clock.instant());
        });
        tags.put(arn.toString(), TagStore.parse(request));
        return putTime(object().put("activityArn", arn.toString()), "creationDate", activity.creationDate());
    }

    private ObjectNode describe(ApiRequest request) {
        Activity activity = existing(request);
        return putTime(object().put("activityArn", activity.arn().toString()).put("name", activity.arn().name()),
                "creationDate", activity.creationDate());
    }

    private ObjectNode list(ApiRequest request) {
        int maxResults = StateMachineOperations.pageSize(request, 1000);
        String after = request.optionalString("nextToken")
                .map(t -> PageToken.decode(t, "ListActivities").position()).orElse(null);
        List<Activity> all = activities.list(request.region(), after);
        ObjectNode response = object();
        ArrayNode items = response.putArray("activities");
        for (Activity activity : all.subList(0, Math.min(maxResults, all.size()))) {
            putTime(items.addObject().put("activityArn", activity.arn().toString()).put("name", activity.arn().name()),
                    "creationDate", activity.creationDate());
        }
        if (all.size() > maxResults) {
            response.put("nextToken", new PageToken("ListActivities", all.get(maxResults - 1).arn().toString()).encode());
        }
        return response;
    }

    private ObjectNode delete(ApiRequest request) {
        String arn = request.requiredString("activityArn", 1, 256);
        ResourceArn.parse(arn, "activityArn", "activity");
        if (activities.remove(arn)) {
            engine.get().deleteActivity(arn);
        }
        tags.remove(arn);
        return object();
    }

    /**
     * GetActivityTask: answered when a task is scheduled or after {@link #LONG_POLL}; abandoned (the
     * task then goes to another worker) when the client disconnects first.
     */
    private LongPoll getTask(ApiRequest request) {
        Activity activity = existing(request);
        String worker = request.optionalString("workerName", 80).orElse(null);
        String arn = activity.arn().toString();
        ExecutionEngine running = engine.get();
        CompletableFuture<Optional<ActivityTask>> poll = running.pollActivity(arn, worker, LONG_POLL);
        CompletableFuture<ObjectNode> answer = poll.thenApply(task -> {
            ObjectNode response = object();
            task.ifPresent(t -> response.put("taskToken", t.taskToken()).put("input", t.input()));
            return response;
        });
        return new LongPoll(answer, () -> running.abandonActivityPoll(arn, poll));
    }

    private Activity existing(ApiRequest request) {
        String arn = request.requiredString("activityArn", 1, 256);
        ResourceArn.parse(arn, "activityArn", "activity");
        Activity activity = activities.get(arn);
        if (activity == null) {
            throw new ApiException("ActivityDoesNotExist", "Activity Does Not Exist: '" + arn
                    + "': create it with CreateActivity or check the name and region in the ARN");
        }
        return activity;
    }
}
