package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.asl.State;

/** A Choice state: the first rule that holds names the next state, else the Default, else States.NoChoiceMatched. */
final class ChoiceRun {
    private ChoiceRun() {
    }

    static void run(StateContext visit, State.Choice choice) {
        DataFlow flow = visit.flow();
        JsonNode effective = flow.effectiveInput(visit);
        State.ChoiceBranch matched = flow.firstMatch(visit, choice.choices(), effective);
        if (matched != null) {
            flow.exitWithInput(visit, effective, matched.assign(), matched.output(), matched.next());
            return;
        }
        if (choice.defaultNext() == null) {
            throw new StatesException(StatesException.NO_CHOICE_MATCHED, "No Matches!");
        }
        flow.exitWithInput(visit, effective, visit.io().assign(), visit.io().output(), choice.defaultNext());
    }
}
