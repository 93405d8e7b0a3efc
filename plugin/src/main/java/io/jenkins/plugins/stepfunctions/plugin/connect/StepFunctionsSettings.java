package io.jenkins.plugins.stepfunctions.plugin.connect;

import java.io.Serial;
import java.io.Serializable;

/**
 * Where and as whom the steps inside a {@code withStepFunctions} block call Step Functions. A plain class
 * (not a record) because Pipeline's program state and build.xml serialise it, and neither reliably
 * restores records. Every field is optional: an inner block overrides only what it sets.
 */
public final class StepFunctionsSettings implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String region;
    private final String credentialsId;
    private final String roleArn;
    private final String externalId;
    private final String endpoint;

    public StepFunctionsSettings(String region, String credentialsId, String roleArn, String externalId,
            String endpoint) {
        this.region = blankToNull(region);
        this.credentialsId = blankToNull(credentialsId);
        this.roleArn = blankToNull(roleArn);
        this.externalId = blankToNull(externalId);
        this.endpoint = blankToNull(endpoint);
    }

    public static StepFunctionsSettings none() {
        return new StepFunctionsSettings(null, null, null, null, null);
    }

    /** The settings of an inner block: what it sets wins, the rest comes from the enclosing block. */
    public StepFunctionsSettings overriddenBy(StepFunctionsSettings inner) {
        return new StepFunctionsSettings(
                firstNonNull(inner.region, region),
                firstNonNull(inner.credentialsId, credentialsId),
                firstNonNull(inner.roleArn, roleArn),
                inner.roleArn != null ? inner.externalId : firstNonNull(inner.externalId, externalId),
                firstNonNull(inner.endpoint, endpoint));
    }

    public String region() {
        return region;
    }

    public String credentialsId() {
        return credentialsId;
    }

    public String roleArn() {
        return roleArn;
    }

    public String externalId() {
        return externalId;
    }

    public String endpoint() {
        return endpoint;
    }

    @Override
    public String toString() {
        return "StepFunctionsSettings[region=" + region + ", credentialsId=" + credentialsId + ", roleArn=" + roleArn
                + ", externalId=" + (externalId == null ? null : "****") + ", endpoint=" + endpoint + "]";
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
