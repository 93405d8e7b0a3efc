package io.jenkins.plugins.stepfunctions.engine.run;

import java.time.Instant;

/**
 * Where an execution's top level stands, kept so that a restarted server can resume it (or redrive it):
 * the state it is in and that state's input, its variables, and what that state waits for.
 *
 * @param state     the top-level state last entered, null when none was (the execution starts over)
 * @param input     that state's input, JSON text
 * @param variables the top level's variables, a JSON object text
 * @param wakeAt    a Wait's deadline, when the state is a Wait that waits
 * @param task      the token a Task waits for (and its activity task), when the state is such a Task
 */
public record ResumePoint(String state, String input, String variables, Instant wakeAt, WaitingTask task) {
    /**
     * A Task waiting for an answer that names its token: a callback (.waitForTaskToken) or an activity.
     *
     * @param activityArn   the activity, null for a callback
     * @param activityInput the activity task's input (JSON text), null for a callback
     */
    public record WaitingTask(String token, String activityArn, String activityInput) {
    }
}
