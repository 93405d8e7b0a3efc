package io.jenkins.plugins.stepfunctions.bridge.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.stepfunctions.bridge.BridgeException;
import io.jenkins.plugins.stepfunctions.bridge.connect.Connection;
import io.jenkins.plugins.stepfunctions.bridge.connect.CredentialsSpec;
import io.jenkins.plugins.stepfunctions.bridge.connect.Secret;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionInputAndNamesTest {
    final ExecutionInputAssembler assembler = new ExecutionInputAssembler();

    @Test
    void noSourceGivesAnEmptyObject() {
        assertThat(assembler.assemble(List.of())).isEqualTo("{}");
    }

    @Test
    void invalidJsonNamesTheSourceLineAndColumn() {
        assertThatThrownBy(() -> assembler.assemble(List.of(new InputSource.JsonText("{\n \"a\": tru }"))))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("JSON input: is not valid JSON at line 2");
    }

    @Test
    void aNamedEnvironmentVariableThatIsNotSetIsRefusedByName() {
        assertThatThrownBy(() -> assembler.assemble(List.of(new InputSource.EnvironmentVariables(
                java.util.Map.of("DEPLOY_ENV", "prod"), List.of("DEPLOY_ENV", "DEPLOY_REGOIN"), null))))
                .hasMessageContaining("DEPLOY_REGOIN is not set");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> assembler.assemble(List.of(new InputSource.JsonFile(Path.of("nope/out.json")))))
                .hasMessageContaining("input file nope/out.json: the file does not exist");
    }

    @Test
    void mergedInputOverTheLimitIsRefusedAsAWhole() {
        String half = "{\"a\":\"" + "x".repeat(140 * 1024) + "\"}";
        String otherHalf = "{\"b\":\"" + "x".repeat(140 * 1024) + "\"}";

        assertThatThrownBy(() -> assembler.assemble(List.of(new InputSource.JsonText(half), new InputSource.JsonText(otherHalf))))
                .hasMessageStartingWith("assembled input: is ").hasMessageContaining("262144 bytes");
    }

    @Test
    void anArrayCannotBeMergedWithAnObject() {
        assertThatThrownBy(() -> assembler.assemble(List.of(new InputSource.JsonText("{}"), new InputSource.JsonText("[1]"))))
                .hasMessageContaining("cannot merge a JSON array");
    }

    @Test
    void derivedNamesAreStableSanitisedAndAtMost80Characters() {
        assertThat(ExecutionNames.derive("shop/checkout service", "417", 1)).isEqualTo("shop-checkout-service-417");
        assertThat(ExecutionNames.derive("shop/checkout", "417", 2)).isEqualTo("shop-checkout-417-2");
        String longJob = "folder/".repeat(20) + "job";
        String a = ExecutionNames.derive(longJob, "9", 1);
        assertThat(a).hasSizeLessThanOrEqualTo(80).endsWith("job-9").isEqualTo(ExecutionNames.derive(longJob, "9", 1));
        assertThat(ExecutionNames.isValid(a)).isTrue();
        assertThat(ExecutionNames.derive(longJob.replace("folder/folder", "folder/other"), "9", 1)).isNotEqualTo(a);
    }

    @Test
    void stepNamesDifferPerFlowNodeAndKeepBuildAndNodeWithin80Characters() {
        assertThat(ExecutionNames.forStep("shop/checkout", "417", "12")).isEqualTo("shop-checkout-417-12");
        assertThat(ExecutionNames.forStep("shop/checkout", "417", "15")).isNotEqualTo(ExecutionNames.forStep("shop/checkout", "417", "12"));
        String longJob = "folder/".repeat(20) + "job";
        String a = ExecutionNames.forStep(longJob, "9", "123");
        String b = ExecutionNames.forStep(longJob, "9", "124");
        assertThat(a).hasSizeLessThanOrEqualTo(80).endsWith("job-9-123").isEqualTo(ExecutionNames.forStep(longJob, "9", "123"));
        assertThat(b).hasSizeLessThanOrEqualTo(80).endsWith("job-9-124").isNotEqualTo(a);
        assertThat(ExecutionNames.isValid(a)).isTrue();
    }

    @Test
    void badArnsAndNamesAreRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> StateMachineRef.of("arn:aws:states:us-east-1:123:stateMachine:x"))
                .isInstanceOf(BridgeException.class).hasMessageContaining("is not a state machine ARN");
        assertThatThrownBy(() -> StateMachineRef.of("bad name!")).hasMessageContaining("neither an ARN nor a state machine name");
    }

    @Test
    void aMissingRegionOrABadEndpointIsNamed() {
        assertThatThrownBy(() -> new Connection(null, null, null, null)).hasMessageStartingWith("region: no AWS region given");
        assertThatThrownBy(() -> new Connection("us-east-1", java.net.URI.create("ftp://x"), null, null))
                .hasMessageStartingWith("endpoint:");
    }

    @Test
    void secretsNeverPrintWhole() {
        Secret s = Secret.of("AAAAQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0123456789");
        CredentialsSpec.StaticKeys keys = new CredentialsSpec.StaticKeys("AKIAEXAMPLE", Secret.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), null);

        assertThat(s.toString()).doesNotContain(s.reveal()).startsWith("AAAAQU");
        assertThat(keys.toString()).doesNotContain("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    }
}
