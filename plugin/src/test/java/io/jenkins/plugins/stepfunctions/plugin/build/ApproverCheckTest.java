package io.jenkins.plugins.stepfunctions.plugin.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApproverCheckTest {
    @Test
    void withoutSubmittersAnyoneWhoMayBuildTheJobMayAnswer() {
        assertThat(new ApproverCheck("bob", List.of(), true, false).allows(List.of())).isTrue();
        assertThat(new ApproverCheck("bob", List.of(), false, false).allows(List.of())).isFalse();
    }

    @Test
    void withSubmittersOnlyNamedUsersMembersOfNamedGroupsAndAdministratorsMayAnswer() {
        List<String> submitters = List.of("alice", "release-managers");
        assertThat(new ApproverCheck("ALICE", List.of(), false, false).allows(submitters)).isTrue();
        assertThat(new ApproverCheck("carol", List.of("release-managers"), false, false).allows(submitters)).isTrue();
        assertThat(new ApproverCheck("admin", List.of(), false, true).allows(submitters)).isTrue();
        assertThat(new ApproverCheck("bob", List.of("developers"), true, false).allows(submitters)).isFalse();
        assertThat(new ApproverCheck(null, List.of(), true, false).allows(submitters)).isFalse();
    }
}
