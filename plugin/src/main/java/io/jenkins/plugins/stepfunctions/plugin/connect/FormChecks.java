package io.jenkins.plugins.stepfunctions.plugin.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the configuration forms check as the user types: the problem and the fix, or nothing when the value is
 * fine. Empty values are fine here; required fields say so when the build starts.
 */
public final class FormChecks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATE_MACHINE_ARN = Pattern.compile(
            "arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:stateMachine:[A-Za-z0-9_-]{1,80}(:[A-Za-z0-9_-]{1,128})?"
                    + "(#[A-Za-z0-9_-]+)?");
    private static final Pattern EXECUTION_ARN = Pattern.compile(
            "arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:(execution|express):[A-Za-z0-9_-]{1,80}(:[A-Za-z0-9_-]{1,128})?:[A-Za-z0-9_-]{1,80}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    private FormChecks() {
    }

    public static Optional<String> stateMachine(String value) {
        if (blank(value) || containsVariable(value)) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.startsWith("arn:")) {
            return STATE_MACHINE_ARN.matcher(v).matches() ? Optional.empty()
                    : Optional.of("Not a state machine ARN: use arn:aws:states:<region>:<account>:stateMachine:<name>"
                            + "[:<version or alias>]");
        }
        return NAME.matcher(v).matches() ? Optional.empty()
                : Optional.of("Neither an ARN nor a state machine name: a name has 1-80 letters, digits, '-' and '_'");
    }

    public static Optional<String> executionArn(String value) {
        if (blank(value) || containsVariable(value)) {
            return Optional.empty();
        }
        return EXECUTION_ARN.matcher(value.trim()).matches() ? Optional.empty()
                : Optional.of("Not an execution ARN: use arn:aws:states:<region>:<account>:execution:<state machine>:<name>");
    }

    public static Optional<String> roleArn(String value) {
        if (blank(value) || containsVariable(value)) {
            return Optional.empty();
        }
        return ROLE_ARN.matcher(value.trim()).matches() ? Optional.empty()
                : Optional.of("Not a role ARN: use arn:aws:iam::<account>:role/<name>");
    }

    public static Optional<String> json(String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            JSON.readTree(value);
            return Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.of("Not valid JSON: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
    }

    public static Optional<String> region(String value) {
        if (blank(value) || containsVariable(value)) {
            return Optional.empty();
        }
        return REGION.matcher(value.trim()).matches() ? Optional.empty()
                : Optional.of("Not a region code: use one such as us-east-1 or eu-west-1");
    }

    public static Optional<String> endpoint(String value) {
        if (blank(value) || containsVariable(value)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.trim());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        return Optional.of("Not an http(s) URL: give the endpoint as http://host:port, e.g. http://127.0.0.1:8083");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** {@code ${VERSION}}-style values are expanded at build time; they cannot be checked here. */
    private static boolean containsVariable(String value) {
        return value.contains("${");
    }
}
