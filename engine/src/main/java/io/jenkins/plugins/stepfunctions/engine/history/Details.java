package io.jenkins.plugins.stepfunctions.engine.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The details member of a history event. The events every transition writes keep only their values
 * (the JSON texts are computed when the event happens) and build their JSON when the history is read:
 * most histories are written far more often than they are read, and a finished execution keeps its
 * history, so the compact forms cost less time and heap than a tree per event.
 */
public sealed interface Details {
    /** The member's value exactly as GetExecutionHistory returns it; a fresh tree for compact forms. */
    ObjectNode json();

    /** Details built as JSON when the event happened (the rarer events). */
    record Json(ObjectNode json) implements Details {
    }

    record ExecutionStarted(String input, String roleArn) implements Details {
        @Override
        public ObjectNode json() {
            return EventDetails.executionStarted(input, roleArn);
        }
    }

    /** The details of ExecutionSucceeded. */
    record Output(String output) implements Details {
        @Override
        public ObjectNode json() {
            return EventDetails.output(output);
        }
    }

    record StateEntered(String name, String input) implements Details {
        @Override
        public ObjectNode json() {
            return EventDetails.stateEntered(name, input);
        }
    }

    /** @param assigned variable name -> value as JSON text, or null when the state assigns nothing */
    record StateExited(String name, String output, Map<String, String> assigned) implements Details {
        @Override
        public ObjectNode json() {
            return EventDetails.stateExited(name, output, assigned);
        }
    }

    record MapIteration(String name, int index) implements Details {
        @Override
        public ObjectNode json() {
            return EventDetails.mapIteration(name, index);
        }
    }
}
