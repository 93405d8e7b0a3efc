package io.jenkins.plugins.stepfunctions.engine.server;

import java.time.Instant;
import java.util.List;

/**
 * An alias of a state machine ({@code ...:stateMachine:Name:PROD}) that routes executions to one or two
 * versions by weight.
 *
 * @param updateDate null until UpdateStateMachineAlias
 */
record StateMachineAlias(ResourceArn arn, String description, List<Route> routes, Instant creationDate,
                         Instant updateDate) {

    /** One version and its share of new executions, in percent. */
    record Route(String versionArn, int weight) {
    }

    String name() {
        return arn.parts().get(1);
    }

    /** The version a new execution goes to, for a {@code roll} uniform in [0, 100). */
    String pick(double roll) {
        double cumulative = 0;
        for (Route route : routes) {
            cumulative += route.weight();
            if (roll < cumulative) {
                return route.versionArn();
            }
        }
        return routes.get(routes.size() - 1).versionArn();
    }

    boolean routesTo(String versionArn) {
        return routes.stream().anyMatch(r -> r.versionArn().equals(versionArn));
    }
}
