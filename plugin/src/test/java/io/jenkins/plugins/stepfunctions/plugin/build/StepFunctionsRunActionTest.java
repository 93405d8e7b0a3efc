package io.jenkins.plugins.stepfunctions.plugin.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeJenkinsServices;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's action as Jenkins lists it in the sidebar: only once the build follows an execution. */
class StepFunctionsRunActionTest {
    @TempDir
    Path dir;

    @Test
    void aBuildThatFollowsNoExecutionHasNoSidebarLinkOrPageUntilOneStarts() throws Exception {
        try (FakeJenkinsServices services = new FakeJenkinsServices(dir)) {
            StepFunctionsRunAction action = StepFunctionsRunAction.of(new FakeRun(dir.toFile()), services);

            assertThat(action.getIconFileName()).as("icon").isNull();
            assertThat(action.getDisplayName()).as("display name").isNull();
            assertThat(action.getUrlName()).as("URL").isNull();

            action.record("arn:aws:states:us-east-1:123456789012:execution:deploy:deploy-1", "https://console");

            assertThat(action.getIconFileName()).isNotNull();
            assertThat(action.getDisplayName()).isEqualTo("Step Functions");
            assertThat(action.getUrlName()).isEqualTo(StepFunctionsRunAction.URL_NAME);
        }
    }

    @Test
    void theFirstStopOfFollowingCountsAndFollowingAgainMakesTheExecutionLiveAgain() throws Exception {
        try (FakeJenkinsServices services = new FakeJenkinsServices(dir)) {
            StepFunctionsRunAction action = StepFunctionsRunAction.of(new FakeRun(dir.toFile()), services);
            ExecutionRecord record = action.record("arn:aws:states:us-east-1:123456789012:execution:deploy:deploy-1",
                    "https://console");
            assertThat(record.getFollowStoppedAt()).as("recorded, never followed").isNull();

            action.followingStarted(record, System.out);
            assertThat(record.getFollowStoppedAt()).isNull();
            long before = System.currentTimeMillis();
            action.followingStopped(record);
            Long stopped = record.getFollowStoppedAt();
            Thread.sleep(5);
            action.followingStopped(record);

            assertThat(stopped).isBetween(before, System.currentTimeMillis());
            assertThat(record.getFollowStoppedAt()).as("a cancel and the follower's end both report it").isEqualTo(stopped);
            assertThat(record.log()).as("no log to write answers to").isNull();

            action.followingStarted(record, System.out);
            assertThat(record.getFollowStoppedAt()).as("an sfnAwait follows it again").isNull();
        }
    }
}
