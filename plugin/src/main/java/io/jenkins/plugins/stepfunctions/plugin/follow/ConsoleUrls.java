package io.jenkins.plugins.stepfunctions.plugin.follow;

import io.jenkins.plugins.stepfunctions.bridge.connect.Connection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where a person looks at an execution: the AWS console, or the local endpoint itself. */
public final class ConsoleUrls {
    private ConsoleUrls() {
    }

    public static String execution(Connection connection, String executionArn) {
        if (connection.endpoint() != null) {
            return connection.endpoint().toString();
        }
        String region = connection.region();
        String host = region.startsWith("cn-") ? "console.amazonaws.cn"
                : region.startsWith("us-gov-") ? "console.amazonaws-us-gov.com"
                : region + ".console.aws.amazon.com";
        return "https://" + host + "/states/home?region=" + region + "#/v2/executions/details/"
                + URLEncoder.encode(executionArn, StandardCharsets.UTF_8);
    }
}
