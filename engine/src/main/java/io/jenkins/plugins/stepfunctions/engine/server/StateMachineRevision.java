package io.jenkins.plugins.stepfunctions.engine.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.asl.StateMachineDefinition;
import java.time.Instant;

/**
 * One revision of a state machine: what UpdateStateMachine replaces and a published version freezes.
 * Executions keep the revision they started with.
 *
 * @param updateDate null for the first revision (AWS reports updateDate only after an update)
 */
record StateMachineRevision(StateMachineDefinition definition, String definitionText, String roleArn,
                            ObjectNode loggingConfiguration, ObjectNode tracingConfiguration,
                            String revisionId, Instant updateDate) {
}
