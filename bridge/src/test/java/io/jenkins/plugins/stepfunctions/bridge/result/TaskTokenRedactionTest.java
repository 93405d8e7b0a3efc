package io.jenkins.plugins.stepfunctions.bridge.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;
import org.junit.jupiter.api.Test;

/** Task tokens in a scheduled task's parameters never leave the bridge whole. */
class TaskTokenRedactionTest {
    private static final String TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAdeadbeefdeadbeefdeadbeefdeadbeef";

    @Test
    void aTokenUnderAKeyNamingATokenIsRedacted() {
        String redacted = TaskTokenRedaction.parameters("{\"Payload\":{\"TaskToken\":\"" + TOKEN + "\",\"n\":1}}");

        assertThat(redacted).doesNotContain(TOKEN).contains(Secret.redact(TOKEN)).contains("\"n\":1");
    }

    @Test
    void aTokenInsideAJsonMessageBodyStringIsRedacted() {
        // SQS/SNS integrations often send States.JsonToString(...) of an object holding the token
        String body = "{\\\"TaskToken\\\":\\\"" + TOKEN + "\\\",\\\"approval\\\":{\\\"message\\\":\\\"Deploy?\\\"}}";
        String redacted = TaskTokenRedaction.parameters("{\"QueueUrl\":\"https://sqs/q\",\"MessageBody\":\"" + body + "\"}");

        assertThat(redacted).doesNotContain(TOKEN).contains("Deploy?").contains("https://sqs/q");
    }

    @Test
    void parametersWithoutATokenAreReturnedUnchanged() {
        String text = "{\"MessageBody\":\"{not json\",\"list\":[\"[1,2]\"]}";

        assertThat(TaskTokenRedaction.parameters(text)).isSameAs(text);
    }
}
