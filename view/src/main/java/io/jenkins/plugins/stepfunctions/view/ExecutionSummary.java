package io.jenkins.plugins.stepfunctions.view;

/**
 * The execution as its history tells it. Times are epoch milliseconds.
 *
 * @param status RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED (as DescribeExecution says)
 */
public record ExecutionSummary(String executionArn, String name, String status, Long startDate, Long stopDate,
                               String error, String cause, String input, String output) {
}
