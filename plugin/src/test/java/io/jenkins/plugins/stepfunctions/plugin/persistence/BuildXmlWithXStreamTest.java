package io.jenkins.plugins.stepfunctions.plugin.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.converters.collections.CollectionConverter;
import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;
import io.jenkins.plugins.stepfunctions.plugin.build.ExecutionRecord;
import io.jenkins.plugins.stepfunctions.plugin.build.StepFunctionsRunAction;
import io.jenkins.plugins.stepfunctions.plugin.connect.StepFunctionsGlobalConfiguration;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeJenkinsServices;
import io.jenkins.plugins.stepfunctions.plugin.fakes.FakeRun;
import io.jenkins.plugins.stepfunctions.plugin.testing.StateMachineTestResult;
import io.jenkins.plugins.stepfunctions.plugin.testing.StateMachineTestsAction;
import io.jenkins.plugins.stepfunctions.testing.TestSession;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the plugin keeps in {@code build.xml} and {@code $JENKINS_HOME}, written and read back with the real
 * XStream (what Jenkins' XStream2 builds on, which likewise runs no constructor on read). Whether Jenkins lets
 * XStream write these classes at all (its JEP-200 filter) is proven in a running Jenkins: it/PipelineDeployIT.
 */
class BuildXmlWithXStreamTest {
    private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:deploy:shop-deploy-7";
    private static final String TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAf9tokenvalue";

    @TempDir
    Path dir;

    private static XStream xstream() {
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.jenkins.plugins.stepfunctions.**", "java.util.**"});
        // Jenkins' XStream2 writes a CopyOnWriteArrayList as a plain collection (seen in a real build.xml:
        // <executions><...ExecutionRecord>...); plain XStream would need java.util.concurrent opened to reflection
        xstream.registerConverter(new CollectionConverter(xstream.getMapper(), CopyOnWriteArrayList.class));
        return xstream;
    }

    @Test
    void theRunActionWithAPendingApprovalReadsBackWithoutTheTaskToken() throws Exception {
        try (FakeJenkinsServices services = new FakeJenkinsServices(dir)) {
            StepFunctionsRunAction action = StepFunctionsRunAction.of(new FakeRun(dir.resolve("build").toFile()), services);
            ExecutionRecord record = action.record(ARN, "https://console.aws.amazon.com/states/home#/v2/executions/details/" + ARN);
            action.approvalPending(record, new PendingApproval(ARN + "#12", ARN, "ApproveProduction", 12,
                    PendingApproval.Source.CONVENTION, "Deploy 1.4.2 to production?", List.of("alice"),
                    new ObjectMapper().readTree("{\"ticket\": \"\"}"), Map.of("version", "1.4.2"),
                    Instant.parse("2026-12-02T10:00:00Z"), Instant.parse("2026-12-03T10:00:00Z"), 0,
                    Secret.of(TOKEN), null, null));

            String xml = xstream().toXML(action);
            StepFunctionsRunAction read = (StepFunctionsRunAction) xstream().fromXML(xml);

            assertThat(xml).as("a task token is a secret: build.xml never holds it").doesNotContain(TOKEN);
            assertThat(read.getExecutions()).hasSize(1);
            ExecutionRecord readRecord = read.getExecutions().get(0);
            assertThat(readRecord.getExecutionArn()).isEqualTo(ARN);
            assertThat(readRecord.getStatus()).isEqualTo("RUNNING");
            assertThat(readRecord.getPendingApprovals()).singleElement().satisfies(a -> {
                assertThat(a.getMessage()).isEqualTo("Deploy 1.4.2 to production?");
                assertThat(a.getSubmitters()).containsExactly("alice");
                assertThat(a.getMetadata()).containsEntry("version", "1.4.2");
            });
        }
    }

    @Test
    void theAdministratorsOptInsReadBackFromTheirFileAndDefaultToOff() {
        StepFunctionsGlobalConfiguration saved = (StepFunctionsGlobalConfiguration) xstream().fromXML("""
                <io.jenkins.plugins.stepfunctions.plugin.connect.StepFunctionsGlobalConfiguration>
                  <allowControllerIdentity>true</allowControllerIdentity>
                </io.jenkins.plugins.stepfunctions.plugin.connect.StepFunctionsGlobalConfiguration>
                """);
        StepFunctionsGlobalConfiguration empty = (StepFunctionsGlobalConfiguration) xstream().fromXML(
                "<io.jenkins.plugins.stepfunctions.plugin.connect.StepFunctionsGlobalConfiguration/>");

        assertThat(saved.policy().controllerIdentity()).isTrue();
        assertThat(saved.policy().anyEndpoint()).isFalse();
        assertThat(empty.policy()).isEqualTo(io.jenkins.plugins.stepfunctions.plugin.connect.SecurityPolicy.SAFE);
    }

    @Test
    void aTestRunsResultReadsBackWithItsFailuresAndWhatWasNeverTaken() {
        TestSession.Report report = new TestSession.Report(3, 1, List.of("deploy#Rollback"), 62.5, 5, 8,
                List.of("catch deploy/Deploy #1 [States.ALL] -> RolledBack", "state deploy/RolledBack"), 80.0,
                List.of(), 1234);
        StateMachineTestsAction action = new StateMachineTestsAction(new StateMachineTestResult("statemachines", report, "out/sfn.xml"));

        StateMachineTestsAction read = (StateMachineTestsAction) xstream().fromXML(xstream().toXML(action));

        StateMachineTestResult result = read.getResult();
        assertThat(result.getCases()).isEqualTo(3);
        assertThat(result.getPassed()).isEqualTo(2);
        assertThat(result.getFailedCases()).containsExactly("deploy#Rollback");
        assertThat(result.getCoverageText()).isEqualTo("62.5% (5 of 8)");
        assertThat(result.isCoverageBelowMinimum()).isTrue();
        assertThat(result.getMinCoverageText()).isEqualTo("80%");
        assertThat(result.getMissed()).hasSize(2);
        assertThat(result.isPassed()).isFalse();
        assertThat(result.getJunitFile()).isEqualTo("out/sfn.xml");
    }
}
