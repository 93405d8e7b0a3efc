package io.jenkins.plugins.stepfunctions.plugin.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the build page's view is told beside the history, and the cursor that makes a poll see its changes. */
class LiveViewStateTest {
    private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:deploy:deploy-1";

    private static LiveViewState.AnswerOffer offer(boolean allowed) {
        return new LiveViewState.AnswerOffer(ARN, ARN + "#7", allowed, allowed ? null : "bob may not answer this"
                + " approval; allowed: alice.", null);
    }

    @Test
    void whileTheBuildFollowsWithNothingPendingTheCursorIsTheEventCountAsInSfnLocalsConsole() {
        LiveViewState following = new LiveViewState(null, Map.of());

        assertThat(following.fields()).isEmpty();
        assertThat(following.cursor(12)).isEqualTo("12");
    }

    @Test
    void theCursorChangesWhenTheDataBecomesFinalThoughNoEventArrived() {
        String following = new LiveViewState(null, Map.of()).cursor(12);
        LiveViewState stopped = new LiveViewState(new LiveViewState.FinalView("the build has finished", 1_700_000_000_000L),
                Map.of());

        assertThat(stopped.cursor(12)).startsWith("12.").isNotEqualTo(following);
        assertThat(stopped.fields()).containsOnlyKeys("final");
    }

    @Test
    void theCursorChangesWhenAnApprovalOpensOrTheViewersRightToAnswerItChanges() {
        String nothing = new LiveViewState(null, Map.of()).cursor(9);
        String mayAnswer = new LiveViewState(null, Map.of("7", offer(true))).cursor(9);
        String mayNot = new LiveViewState(null, Map.of("7", offer(false))).cursor(9);

        assertThat(mayAnswer).isNotEqualTo(nothing).isNotEqualTo(mayNot);
        assertThat(new LiveViewState(null, Map.of("7", offer(true))).cursor(9)).as("the same state, the same cursor")
                .isEqualTo(mayAnswer);
    }

    @Test
    void answersAreListedByScheduledEventIdAndEmptyPartsAreLeftOut() {
        LiveViewState state = new LiveViewState(null, Map.of("7", offer(false)));

        assertThat(state.fields()).containsOnlyKeys("answers");
        @SuppressWarnings("unchecked")
        Map<String, LiveViewState.AnswerOffer> answers = (Map<String, LiveViewState.AnswerOffer>) state.fields().get("answers");
        assertThat(answers.get("7").refusal()).contains("allowed: alice");
    }
}
