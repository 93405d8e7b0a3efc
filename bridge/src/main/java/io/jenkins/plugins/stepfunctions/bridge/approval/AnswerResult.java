package io.jenkins.plugins.stepfunctions.bridge.approval;

/** What became of an answer. */
public enum AnswerResult {
    /** sent: the task has the decision */
    ANSWERED,
    /** this approval was answered before (here); nothing was sent */
    ALREADY_ANSWERED,
    /** the task was closed elsewhere (answered by another channel, timed out, execution ended) */
    CLOSED_ELSEWHERE
}
