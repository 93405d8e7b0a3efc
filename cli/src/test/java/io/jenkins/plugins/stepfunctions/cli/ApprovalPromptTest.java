package io.jenkins.plugins.stepfunctions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.cli.FollowSession.PromptAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The terminal prompt of {@code sfn run}/{@code sfn follow} never turns an unclear answer into a decision. */
class ApprovalPromptTest {
    @ParameterizedTest
    @ValueSource(strings = {"y", "yes", "Y", " approve ", "a"})
    void yesAndApproveApprove(String typed) {
        assertThat(PromptAnswer.of(typed)).isEqualTo(PromptAnswer.APPROVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"n", "no", "NO", "reject", "r"})
    void noAndRejectReject(String typed) {
        assertThat(PromptAnswer.of(typed)).isEqualTo(PromptAnswer.REJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "s", "skip"})
    void blankAndSkipLeaveTheApprovalPending(String typed) {
        assertThat(PromptAnswer.of(typed)).isEqualTo(PromptAnswer.SKIP);
    }

    @Test
    void endOfInputLeavesTheApprovalPending() {
        assertThat(PromptAnswer.of(null)).isEqualTo(PromptAnswer.SKIP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"approved?", "maybe", "ok", "yep sure", "nope"})
    void anythingElseIsAskedAgainNotGuessed(String typed) {
        assertThat(PromptAnswer.of(typed)).isEqualTo(PromptAnswer.UNCLEAR);
    }
}
