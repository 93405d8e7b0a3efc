package io.jenkins.plugins.stepfunctions.bridge.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.bridge.EngineFixture;
import io.jenkins.plugins.stepfunctions.bridge.RecordingListener;
import io.jenkins.plugins.stepfunctions.bridge.launch.LaunchRequest;
import io.jenkins.plugins.stepfunctions.bridge.launch.Launcher;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowState;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowAgainstEngineTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Real executions on the engine written as JUnit XML: one case per state, failures where a state failed. */
class ExecutionJUnitTest {
    static EngineFixture engine;
    static String flaky;

    @BeforeAll
    static void start() throws Exception {
        engine = new EngineFixture(FollowAgainstEngineTest.MOCKS);
        flaky = engine.createMachine("flaky", FollowAgainstEngineTest.FLAKY);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static Document run(String testCase) throws Exception {
        String arn = new Launcher(engine.clients.sfn()).launch(LaunchRequest.of(flaky + "#" + testCase, "{}")).executionArn();
        FollowState state = FollowState.start(arn);
        Outcome outcome = engine.scheduler.follow(engine.follower(state, new RecordingListener()), "engine").result().get(30, TimeUnit.SECONDS);
        String xml = ExecutionJUnit.render(ExecutionJUnit.stateMachineName(arn), outcome, state.renderer().stateStats());
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element testCase(Document doc, String name) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no testcase " + name);
    }

    @Test
    void aRolledBackDeploymentHasACaseperStateAndTheCaughtTaskAndTheFailStateAsFailures() throws Exception {
        Document doc = run("RetriedThenCaught");

        Element suite = doc.getDocumentElement();
        assertThat(suite.getAttribute("name")).isEqualTo("flaky");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        Element deploy = testCase(doc, "Deploy");
        assertThat(deploy.getAttribute("classname")).isEqualTo("flaky");
        Element failure = (Element) deploy.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("Deploy failed: Deploy.Throttled (caught)");
        assertThat(failure.getTextContent()).isEqualTo("rate exceeded");
        assertThat(deploy.getElementsByTagName("system-out").item(0).getTextContent()).contains("3 attempts");
        assertThat(testCase(doc, "Rollback").getElementsByTagName("failure").getLength()).isZero();
        Element rolledBack = (Element) testCase(doc, "RolledBack").getElementsByTagName("failure").item(0);
        assertThat(rolledBack.getAttribute("type")).isEqualTo("Deployment.RolledBack");
    }

    @Test
    void aStateRetriedIntoSuccessPassesWithItsAttemptsNoted() throws Exception {
        Document doc = run("RetriedThenOk");

        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        Element deploy = testCase(doc, "Deploy");
        assertThat(deploy.getElementsByTagName("failure").getLength()).isZero();
        assertThat(deploy.getElementsByTagName("system-out").item(0).getTextContent()).contains("SUCCEEDED", "2 attempts");
    }
}
