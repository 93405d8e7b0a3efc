package io.jenkins.plugins.stepfunctions.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Task tokens in a scheduled task's parameters are never shown whole. */
class RedactionTest {
    private static final String TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAdeadbeefdeadbeefdeadbeefdeadbeef";

    @Test
    void aTokenUnderAKeyNamingATokenIsRedacted() {
        String redacted = Redaction.taskTokens("{\"Payload\":{\"TaskToken\":\"" + TOKEN + "\",\"n\":1}}");

        assertThat(redacted).doesNotContain(TOKEN).contains(Redaction.secret(TOKEN)).contains("\"n\":1");
    }

    @Test
    void aTokenInsideAJsonMessageBodyStringIsRedacted() {
        // SQS/SNS integrations often send States.JsonToString(...) of an object holding the token
        String body = "{\\\"TaskToken\\\":\\\"" + TOKEN + "\\\",\\\"approval\\\":{\\\"message\\\":\\\"Deploy?\\\"}}";
        String redacted = Redaction.taskTokens("{\"QueueUrl\":\"https://sqs/q\",\"MessageBody\":\"" + body + "\"}");

        assertThat(redacted).doesNotContain(TOKEN).contains("Deploy?").contains("https://sqs/q");
    }

    @Test
    void parametersWithoutATokenAreReturnedUnchanged() {
        String text = "{\"MessageBody\":\"{not json\",\"list\":[\"[1,2]\"]}";

        assertThat(Redaction.taskTokens(text)).isSameAs(text);
    }
}
