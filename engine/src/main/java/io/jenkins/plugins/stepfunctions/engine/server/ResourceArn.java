package io.jenkins.plugins.stepfunctions.engine.server;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A Step Functions ARN, {@code arn:aws:states:REGION:ACCOUNT:TYPE:PART[:PART...]}, e.g.
 * {@code ...:stateMachine:Deploy}, {@code ...:stateMachine:Deploy:3} (version),
 * {@code ...:execution:Deploy:build-42}, {@code ...:activity:Approve}.
 */
record ResourceArn(String partition, String region, String account, String type, List<String> parts) {
    static final String ACCOUNT = "123456789012";
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    static ResourceArn of(String region, String type, String... parts) {
        return new ResourceArn("aws", region, ACCOUNT, type, List.of(parts));
    }

    /**
     * Parses an ARN the caller sent in {@code field}, expecting one of {@code types}.
     * Throws InvalidArn naming what is wrong and what a good ARN looks like.
     */
    static ResourceArn parse(String arn, String field, String... types) {
        String[] pieces = arn.split(":", -1);
        String example = "arn:aws:states:us-east-1:" + ACCOUNT + ":" + types[0] + ":Name";
        if (pieces.length < 7 || !pieces[0].equals("arn") || !pieces[1].startsWith("aws") || !pieces[2].equals("states")) {
            throw ApiErrors.invalidArn(arn, field + " must be a Step Functions ARN such as " + example);
        }
        if (!REGION.matcher(pieces[3]).matches()) {
            throw ApiErrors.invalidArn(arn, "'" + pieces[3] + "' is not a region; write e.g. " + example);
        }
        if (!ACCOUNT_ID.matcher(pieces[4]).matches()) {
            throw ApiErrors.invalidArn(arn, "'" + pieces[4] + "' is not a 12-digit account id; write e.g. " + example);
        }
        String type = pieces[5];
        if (!List.of(types).contains(type)) {
            throw ApiErrors.invalidArn(arn, "Resource type not valid in this context: " + type + " (" + field
                    + " takes a " + String.join(" or ", types) + " ARN such as " + example + ")");
        }
        List<String> parts = List.of(pieces).subList(6, pieces.length);
        if (parts.stream().anyMatch(String::isEmpty)) {
            throw ApiErrors.invalidArn(arn, "it has an empty name part; write e.g. " + example);
        }
        return new ResourceArn(pieces[1], pieces[3], pieces[4], type, parts);
    }

    String name() {
        return parts.get(0);
    }

    /** The same resource without its last part: a version ARN's state machine. */
    ResourceArn withParts(List<String> newParts) {
        return new ResourceArn(partition, region, account, type, newParts);
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":states:" + region + ":" + account + ":" + type + ":" + String.join(":", parts);
    }
}
