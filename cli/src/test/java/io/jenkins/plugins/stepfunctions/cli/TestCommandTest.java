package io.jenkins.plugins.stepfunctions.cli;

import static io.jenkins.plugins.stepfunctions.cli.RunCommandTest.sfn;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.testing.Coverage;
import io.jenkins.plugins.stepfunctions.testing.SuiteFiles;
import io.jenkins.plugins.stepfunctions.testing.TestRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code sfn test} against the real engine, on a small deployment: a Choice (one rule and a Default), a
 * Task with one Retry and one Catch, and, in a second definition, an approval.
 */
class TestCommandTest {
    static final String DEPLOY = """
            {"StartAt": "Route", "States": {
              "Route": {"Type": "Choice", "Choices": [{"Variable": "$.env", "StringEquals": "prod", "Next": "Deploy"}], "Default": "Skip"},
              "Deploy": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "deploy"},
                "ResultSelector": {"version.$": "$.Payload.version"}, "ResultPath": "$.deployed",
                "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 2, "MaxAttempts": 2}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "RolledBack"}],
                "Next": "Done"},
              "Skip": {"Type": "Pass", "Result": "skipped", "ResultPath": "$.note", "Next": "Done"},
              "RolledBack": {"Type": "Fail", "Error": "Deploy.Failed", "Cause": "rolled back"},
              "Done": {"Type": "Succeed"}}}
            """;
    static final String MOCKS = """
            {"StateMachines": {"deploy": {"TestCases": {
                "HappyPath": {"Deploy": "Deployed"}, "Throttled": {"Deploy": "ThrottledThenDeployed"},
                "Broken": {"Deploy": "Broken"}, "NotProd": {}}}},
             "MockedResponses": {
                "Deployed": {"0": {"Return": {"StatusCode": 200, "Payload": {"version": "1.2.3"}}}},
                "ThrottledThenDeployed": {"0": {"Throw": {"Error": "Lambda.TooManyRequestsException", "Cause": "slow down"}},
                                          "1": {"Return": {"StatusCode": 200, "Payload": {"version": "1.2.4"}}}},
                "Broken": {"0": {"Throw": {"Error": "Lambda.ServiceException", "Cause": "boom"}}}}}
            """;
    static final String HAPPY = """
            "HappyPath": {"input": {"env": "prod"}, "status": "SUCCEEDED", "path": ["Route", "Deploy", "Done"],
                          "output": {"deployed": {"version": "1.2.3"}}, "outputPaths": {"$.deployed.version": "1.2.3"}}
            """;
    static final String THROTTLED = """
            "Throttled": {"input": {"env": "prod"}, "status": "SUCCEEDED", "path": ["Route", "Deploy", "Done"],
                          "outputPaths": {"$.deployed.version": "1.2.4"}}
            """;
    static final String BROKEN = """
            "Broken": {"input": {"env": "prod"}, "status": "FAILED", "error": "Deploy.Failed", "cause": "rolled back",
                       "path": ["Route", "Deploy", "RolledBack"]}
            """;
    static final String NOT_PROD = """
            "NotProd": {"input": {"env": "dev"}, "status": "SUCCEEDED", "path": ["Route", "Skip", "Done"], "output": {"note": "skipped"}}
            """;

    static final String APPROVAL = """
            {"StartAt": "Ask", "States": {
              "Ask": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                "Parameters": {"FunctionName": "ask", "Payload": {"TaskToken.$": "$$.Task.Token", "approval": {"message": "Ship it?"}}},
                "ResultPath": "$.answer", "HeartbeatSeconds": 3600,
                "Catch": [{"ErrorEquals": ["Approval.Rejected"], "Next": "Rejected"}], "Next": "Shipped"},
              "Shipped": {"Type": "Succeed"},
              "Rejected": {"Type": "Fail", "Error": "Release.Rejected"}}}
            """;

    private static Path deploy(Path dir, String... cases) throws Exception {
        Files.writeString(dir.resolve("deploy.asl.json"), DEPLOY);
        Files.writeString(dir.resolve("deploy.mock-config.json"), MOCKS);
        Files.writeString(dir.resolve("deploy.tests.json"), "{\"testCases\": {" + String.join(",", cases) + "}}");
        return dir.resolve("deploy.asl.json");
    }

    @Test
    void aPassingCaseIsOneLineAndExitsZero(@TempDir Path dir) throws Exception {
        deploy(dir, HAPPY);

        RunCommandTest.Result r = sfn("test", dir.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("PASS  deploy#HappyPath +\\d+ ms")
                .contains("1 test cases, 1 passed, 0 failed");
    }

    @Test
    void aCaseThatTakesAnotherPathFailsWithExpectedAndActualPath(@TempDir Path dir) throws Exception {
        deploy(dir, BROKEN.replace("\"RolledBack\"]", "\"Done\"]").replace("FAILED", "SUCCEEDED"));

        RunCommandTest.Result r = sfn("test", dir.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("FAIL  deploy#Broken",
                "status: expected SUCCEEDED, actual FAILED (error Deploy.Failed, cause rolled back)",
                "path: step 3 is RolledBack, expected Done",
                "expected [Route, Deploy, Done]", "actual   [Route, Deploy, RolledBack]");
    }

    @Test
    void aWrongOutputFailsNamingTheFieldAndTheValue(@TempDir Path dir) throws Exception {
        deploy(dir, HAPPY.replace("{\"version\": \"1.2.3\"}", "{\"version\": \"9.9.9\"}")
                .replace("\"$.deployed.version\": \"1.2.3\"", "\"$.deployed.version\": \"9.9.9\""));

        RunCommandTest.Result r = sfn("test", dir.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("output: $.deployed.version is \"1.2.3\", expected \"9.9.9\"",
                "output $.deployed.version: expected \"9.9.9\", actual \"1.2.3\"");
    }

    @Test
    void approvalsAreAnsweredAsTheCaseSays(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("release.asl.json"), APPROVAL);
        Files.writeString(dir.resolve("release.tests.json"), """
                {"testCases": {
                  "Approved": {"status": "SUCCEEDED", "path": ["Ask", "Shipped"],
                               "approvals": [{"state": "Ask", "answer": "approve", "approver": "alice", "comment": "go"}],
                               "outputPaths": {"$.answer.approved": true, "$.answer.approver": "alice"}},
                  "Rejected": {"status": "FAILED", "error": "Release.Rejected", "path": ["Ask", "Rejected"],
                               "approvals": [{"state": "Ask", "answer": "reject", "approver": "bob"}]}}}
                """);

        RunCommandTest.Result r = sfn("test", dir.resolve("release.asl.json").toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("PASS  release#Approved", "PASS  release#Rejected");
    }

    @Test
    void junitXmlHasOneTestcasePerCaseAndFailuresWithBothPaths(@TempDir Path dir) throws Exception {
        deploy(dir, HAPPY, BROKEN.replace("\"RolledBack\"]", "\"Done\"]"));
        Path xml = dir.resolve("reports/sfn-test.xml");

        RunCommandTest.Result r = sfn("test", "--junit", xml.toString(), dir.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suites = doc.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        assertThat(suites.getAttribute("tests")).isEqualTo("2");
        assertThat(suites.getAttribute("failures")).isEqualTo("1");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        Element happy = (Element) cases.item(0);
        assertThat(happy.getAttribute("classname")).isEqualTo("deploy");
        assertThat(happy.getAttribute("name")).isEqualTo("HappyPath");
        assertThat(Double.parseDouble(happy.getAttribute("time"))).isPositive();
        assertThat(happy.getElementsByTagName("failure").getLength()).isZero();
        Element broken = (Element) cases.item(1);
        assertThat(broken.getAttribute("name")).isEqualTo("Broken");
        Element failure = (Element) broken.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).startsWith("path: step 3 is RolledBack, expected Done");
        assertThat(failure.getTextContent()).contains("expected [Route, Deploy, Done]", "actual   [Route, Deploy, RolledBack]");
    }

    @Test
    void coverageCountsStatesChoiceBranchesCatchAndRetry(@TempDir Path dir) throws Exception {
        deploy(dir, HAPPY);
        TestRunner.Results one = new TestRunner(TestRunner.Options.defaults()).run(SuiteFiles.find(List.of(dir)).suites());
        Coverage.Report happyOnly = one.coverage().values().iterator().next();

        // 5 states, Choice rule 1 and Default, one Retry, one Catch: 9 items; the happy path takes Route, Deploy,
        // Done and rule 1
        assertThat(happyOnly.total()).isEqualTo(9);
        assertThat(happyOnly.taken()).isEqualTo(4);
        assertThat(happyOnly.summary()).isEqualTo("44.4% (4/9): states 3/5, Choice branches 1/2, Catch 0/1, Retry 0/1");

        deploy(dir, HAPPY, THROTTLED, NOT_PROD);
        TestRunner.Results three = new TestRunner(TestRunner.Options.defaults()).run(SuiteFiles.find(List.of(dir)).suites());
        Coverage.Report noCatch = three.coverage().values().iterator().next();

        // the tests skip the Catch path: exactly that path is reported, the Catch and the state it leads to
        assertThat(noCatch.missed()).extracting(Object::toString)
                .containsExactly("catch Deploy #1 [States.ALL] -> RolledBack", "state RolledBack");
        assertThat(noCatch.summary()).isEqualTo("77.8% (7/9): states 4/5, Choice branches 2/2, Catch 0/1, Retry 1/1");

        deploy(dir, HAPPY, THROTTLED, NOT_PROD, BROKEN);
        RunCommandTest.Result all = sfn("test", dir.toString());
        assertThat(all.exit()).as(all.out()).isZero();
        assertThat(all.out()).contains("deploy  100.0% (9/9): states 5/5, Choice branches 2/2, Catch 1/1, Retry 1/1");
    }

    @Test
    void minCoverageFailsBelowItEvenWhenEveryCasePasses(@TempDir Path dir) throws Exception {
        deploy(dir, HAPPY);

        RunCommandTest.Result below = sfn("test", "--min-coverage", "80", dir.toString());
        RunCommandTest.Result above = sfn("test", "--min-coverage", "40", dir.toString());

        assertThat(below.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(below.out()).contains("PASS  deploy#HappyPath", "coverage 44.4% is below --min-coverage 80%",
                "never taken:", "choice Route Default -> Skip", "retry Deploy #1 [Lambda.TooManyRequestsException]");
        assertThat(above.exit()).as(above.out()).isZero();
    }

    @Test
    void initWritesMocksAndATestCaseThatPassesOnItsOwnDefinition(@TempDir Path dir) throws Exception {
        Path definition = dir.resolve("release.asl.json");
        Files.writeString(definition, APPROVAL);
        Files.writeString(dir.resolve("deploy.asl.json"), DEPLOY);
        Files.writeString(dir.resolve("deploy.input.json"), "{\"env\": \"dev\"}");

        RunCommandTest.Result init = sfn("test", "--init", dir.resolve("deploy.asl.json").toString());

        assertThat(init.exit()).as(init.out() + init.err()).isZero();
        assertThat(init.out()).contains("wrote " + dir.resolve("deploy.mock-config.json"), "wrote " + dir.resolve("deploy.tests.json"));
        assertThat(Files.readString(dir.resolve("deploy.mock-config.json"))).contains("\"Deploy\" : \"DeploySucceeds\"", "\"StatusCode\" : 200");
        assertThat(Files.readString(dir.resolve("deploy.tests.json"))).contains("\"HappyPath\"", "\"status\" : \"SUCCEEDED\"",
                "\"Route\", \"Skip\", \"Done\"");
        RunCommandTest.Result test = sfn("test", dir.resolve("deploy.asl.json").toString());
        assertThat(test.exit()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains("PASS  deploy#HappyPath");

        RunCommandTest.Result again = sfn("test", "--init", dir.resolve("deploy.asl.json").toString());
        assertThat(again.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("deploy.mock-config.json: already exists", "--force");
    }

    @Test
    void badTestFilesAreBadInputNamingTheFileAndTheField(@TempDir Path dir) throws Exception {
        deploy(dir, "\"HappyPath\": {\"status\": \"PASSED\"}");
        Path tests = dir.resolve("deploy.tests.json");

        assertBadInput(dir, tests + ": testCases.HappyPath.status: \"PASSED\" is not a status: one of SUCCEEDED, FAILED, TIMED_OUT, ABORTED");

        Files.writeString(tests, "{\"testCases\": {\"HappyPath\": {\"status\": \"SUCCEEDED\", \"path\": [\"Route\", \"Deplyo\"]}}}");
        assertBadInput(dir, tests + ": testCases.HappyPath.path[1]: no top-level state Deplyo in the definition");

        Files.writeString(tests, "{\"testCases\": {\"Missing\": {\"status\": \"SUCCEEDED\"}}}");
        assertBadInput(dir, tests + ": testCases.Missing: no test case Missing in " + dir.resolve("deploy.mock-config.json"));

        Files.writeString(tests, "{\"testCases\": {\"HappyPath\": {\"status\": \"SUCCEEDED\", \"outptu\": {}}}}");
        assertBadInput(dir, tests + ": testCases.HappyPath.outptu: unknown field");

        Files.writeString(tests, "{\"testCases\": {\"HappyPath\": {\"status\": \"SUCCEEDED\", "
                + "\"approvals\": [{\"state\": \"Deploy\", \"answer\": \"yes\"}]}}}");
        assertBadInput(dir, tests + ": testCases.HappyPath.approvals[0].answer: must be \"approve\" or \"reject\"");

        Files.writeString(tests, "{\"testCases\": {\"HappyPath\": {\"status\": \"SUCCEEDED\",}}}");
        assertBadInput(dir, tests + ": not valid JSON");

        Files.writeString(tests, "{\"testCases\": {\"HappyPath\": {\"status\": \"SUCCEEDED\", \"inputFile\": \"nope.json\"}}}");
        assertBadInput(dir, tests + ": testCases.HappyPath.inputFile: no such file");

        Files.writeString(dir.resolve("deploy.mock-config.json"), "{\"StateMachines\": {\"other\": {\"TestCases\": {}}}}");
        Files.writeString(tests, "{\"stateMachineName\": \"deploy\", \"testCases\": {\"HappyPath\": {\"status\": \"SUCCEEDED\"}}}");
        assertBadInput(dir, dir.resolve("deploy.mock-config.json") + ": StateMachines.deploy.TestCases: missing");

        Files.writeString(dir.resolve("deploy.asl.json"), "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"B\"}}}");
        assertBadInput(dir, dir.resolve("deploy.asl.json") + ": /States/A");
    }

    @Test
    void aDefinitionNamedWithoutATestFileIsBadInputPointingToInit(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("deploy.asl.json"), DEPLOY);

        RunCommandTest.Result r = sfn("test", dir.resolve("deploy.asl.json").toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no test file next to it (deploy.tests.json", "sfn test --init");
    }

    private static void assertBadInput(Path dir, String message) {
        RunCommandTest.Result r = sfn("test", dir.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("sfn test: ").contains(message);
    }
}
