package io.jenkins.plugins.stepfunctions.engine.server;

import io.jenkins.plugins.stepfunctions.engine.run.Execution;

/**
 * An execution in the store with what the API needs besides the run itself: its place in listings
 * and the state machine revision it started with (DescribeStateMachineForExecution).
 *
 * @param sequence        increases with every start, so listings can run newest first
 * @param stateMachineArn the unqualified state machine ARN
 * @param versionArn      the version ARN it runs (given, or chosen by an alias), or null
 * @param aliasArn        the alias ARN it was started through, or null
 */
record ExecutionEntry(long sequence, String arn, String stateMachineArn, String versionArn, String aliasArn,
                      StateMachineEntry stateMachine, StateMachineRevision revision, Execution execution) {
}
