package io.jenkins.plugins.stepfunctions.engine.server;

/** Small state machines the API tests run. */
final class Definitions {
    static final String ROLE = "arn:aws:iam::123456789012:role/StepFunctionsRole";

    /** One Pass state that adds {"greeting": "hello"} under $.result. */
    static final String PASS = """
            {"StartAt": "Greet", "States": {"Greet": {"Type": "Pass", "Result": {"greeting": "hello"},
             "ResultPath": "$.result", "End": true}}}""";

    /** Waits {@code seconds} (use with a time scale), then succeeds. */
    static String waitFor(int seconds) {
        return """
                {"StartAt": "Hold", "States": {"Hold": {"Type": "Wait", "Seconds": %d, "End": true}}}""".formatted(seconds);
    }

    static final String FAIL = """
            {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "Deploy.Failed", "Cause": "health check"}}}""";

    /** A chain of {@code n} Pass states: 2n + 2 history events. */
    static String passChain(int n) {
        StringBuilder states = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            states.append(i > 1 ? "," : "").append("\"S").append(i).append("\": {\"Type\": \"Pass\", ")
                    .append(i < n ? "\"Next\": \"S" + (i + 1) + "\"" : "\"End\": true").append('}');
        }
        return "{\"StartAt\": \"S1\", \"States\": {" + states + "}}";
    }

    /** A callback task: the token travels in the TaskScheduled parameters, as the approval convention has it. */
    static final String CALLBACK = """
            {"StartAt": "Approve", "States": {"Approve": {"Type": "Task",
             "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
             "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/approvals",
                            "MessageBody": {"token.$": "$$.Task.Token", "approval": {"message": "Ship it?"}}},
             "End": true}}}""";

    static String activityTask(String activityArn) {
        return """
                {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "%s", "End": true}}}"""
                .formatted(activityArn);
    }

    private Definitions() {
    }
}
