package io.jenkins.plugins.stepfunctions.plugin.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepFunctionsSettingsTest {
    @Test
    void anInnerBlockOverridesOnlyWhatItSets() {
        StepFunctionsSettings outer = new StepFunctionsSettings("eu-west-1", "aws-prod", "arn:aws:iam::1:role/a", "ext",
                null);
        StepFunctionsSettings inner = new StepFunctionsSettings("us-east-1", " ", null, null, "http://127.0.0.1:8083");

        StepFunctionsSettings merged = outer.overriddenBy(inner);

        assertThat(merged.region()).isEqualTo("us-east-1");
        assertThat(merged.credentialsId()).isEqualTo("aws-prod");
        assertThat(merged.roleArn()).isEqualTo("arn:aws:iam::1:role/a");
        assertThat(merged.externalId()).isEqualTo("ext");
        assertThat(merged.endpoint()).isEqualTo("http://127.0.0.1:8083");
    }

    @Test
    void anInnerRoleDoesNotInheritTheOuterRolesExternalId() {
        StepFunctionsSettings outer = new StepFunctionsSettings(null, null, "arn:aws:iam::1:role/a", "ext", null);
        StepFunctionsSettings inner = new StepFunctionsSettings(null, null, "arn:aws:iam::2:role/b", null, null);

        assertThat(outer.overriddenBy(inner).externalId()).isNull();
    }

    @Test
    void theExternalIdNeverPrints() {
        assertThat(new StepFunctionsSettings(null, null, "arn:aws:iam::1:role/a", "s3cr3t-id", null).toString())
                .doesNotContain("s3cr3t-id");
    }
}
