package io.jenkins.plugins.stepfunctions.engine.server;

import java.time.Instant;

/** A published, immutable version of a state machine ({@code ...:stateMachine:Name:3}). */
record StateMachineVersion(ResourceArn arn, int number, StateMachineRevision revision, Instant creationDate,
                           String description) {
}
