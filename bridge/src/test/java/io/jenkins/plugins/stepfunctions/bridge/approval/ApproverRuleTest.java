package io.jenkins.plugins.stepfunctions.bridge.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.bridge.approval.ApproverRule.Approver;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApproverRuleTest {
    private static final List<String> SUBMITTERS = List.of("alice", " release-managers ");

    @Test
    void withoutNamedSubmittersWhoeverMayAnswerAtAllMay() {
        assertThat(ApproverRule.CASE_INSENSITIVE.allows(List.of(), new Approver("bob", List.of(), false, true))).isTrue();
        assertThat(ApproverRule.CASE_INSENSITIVE.allows(List.of(), new Approver("bob", List.of(), false, false))).isFalse();
    }

    @Test
    void namedUsersMembersOfNamedGroupsAndAdministratorsMayAnswer() {
        assertThat(ApproverRule.CASE_INSENSITIVE.allows(SUBMITTERS, new Approver("ALICE", List.of(), false, false))).isTrue();
        assertThat(ApproverRule.CASE_INSENSITIVE.allows(SUBMITTERS,
                new Approver("carol", List.of("authenticated", "Release-Managers"), false, false))).isTrue();
        assertThat(ApproverRule.CASE_INSENSITIVE.allows(SUBMITTERS, new Approver("admin", List.of(), true, false))).isTrue();
        assertThat(ApproverRule.CASE_INSENSITIVE.allows(SUBMITTERS, new Approver("bob", List.of("developers"), false, true)))
                .isFalse();
        assertThat(ApproverRule.CASE_INSENSITIVE.allows(SUBMITTERS, new Approver(null, List.of(), false, true))).isFalse();
    }

    @Test
    void idsCompareAsTheCallerSaysLikeACaseSensitiveSecurityRealm() {
        ApproverRule caseSensitive = new ApproverRule(String::equals, String::equals);

        assertThat(caseSensitive.allows(SUBMITTERS, new Approver("ALICE", List.of(), false, false))).isFalse();
        assertThat(caseSensitive.allows(SUBMITTERS, new Approver("alice", List.of(), false, false))).isTrue();
        assertThat(caseSensitive.allows(SUBMITTERS, new Approver("carol", List.of("Release-Managers"), false, false))).isFalse();
    }

    @Test
    void theCliAnswersForANameWithoutGroupsCaseInsensitively() {
        assertThat(Approver.named("Alice")).isEqualTo(new Approver("Alice", List.of(), false, true));
        assertThat(ApproverRule.CASE_INSENSITIVE.allows(SUBMITTERS, Approver.named("Alice"))).isTrue();
        assertThat(ApproverRule.CASE_INSENSITIVE.allows(List.of(), Approver.named("anyone"))).isTrue();
    }
}
