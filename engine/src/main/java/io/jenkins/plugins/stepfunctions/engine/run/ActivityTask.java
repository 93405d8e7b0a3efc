package io.jenkins.plugins.stepfunctions.engine.run;

/** What GetActivityTask hands a worker: the task token and the task's input (JSON text). */
public record ActivityTask(String taskToken, String input) {
}
