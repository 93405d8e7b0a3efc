package io.jenkins.plugins.stepfunctions.plugin.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.AbortException;
import hudson.EnvVars;
import io.jenkins.plugins.stepfunctions.bridge.launch.ExecutionInputAssembler;
import io.jenkins.plugins.stepfunctions.bridge.launch.LaunchRequest;
import io.jenkins.plugins.stepfunctions.plugin.runtime.WorkspaceFiles;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The step options as the bridge's launch request, assembled by the bridge's own input assembler. */
class LaunchOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EnvVars env() {
        EnvVars env = new EnvVars();
        env.put("JOB_NAME", "shop/deploy");
        env.put("BUILD_NUMBER", "41");
        env.put("BUILD_URL", "https://ci.example/job/shop/job/deploy/41/");
        env.put("BRANCH_NAME", "main");
        env.put("IMAGE_TAG", "4e1f0c9");
        return env;
    }

    private static final WorkspaceFiles WORKSPACE = new WorkspaceFiles() {
        @Override
        public String read(String relativePath) {
            return "{\"service\": \"checkout\", \"replicas\": 2, \"version\": \"from-file\"}";
        }

        @Override
        public void write(String relativePath, String content) {
            throw new AssertionError("launching writes nothing");
        }

        @Override
        public <T extends java.io.Serializable> T runThere(WorkspaceTask<T> task) {
            throw new AssertionError("launching runs nothing on the agent");
        }
    };

    @Test
    void sourcesMergeInTheDocumentedOrderLaterOnesWinning() throws Exception {
        LaunchOptions options = new LaunchOptions();
        options.setInputFile("deploy.json");
        options.setInput("{\"version\": \"from-json\", \"region\": \"eu-west-1\"}");
        options.setInputValues("version=from-values\nreplicas=3\n# a comment\nimage.tag=1.4.2");
        options.setInputEnvironment("IMAGE_TAG");

        LaunchRequest request = options.toRequest("deploy", env(), WORKSPACE, 1, "https://ci.example/sfn-callback/s3cr3t");
        JsonNode input = JSON.readTree(new ExecutionInputAssembler().assemble(request.input()));

        assertThat(input.path("version").asText()).isEqualTo("from-values");
        assertThat(input.path("replicas").asInt()).as("JSON values keep their type").isEqualTo(3);
        assertThat(input.path("service").asText()).isEqualTo("checkout");
        assertThat(input.path("region").asText()).isEqualTo("eu-west-1");
        assertThat(input.path("image").path("tag").asText()).isEqualTo("1.4.2");
        assertThat(input.path("IMAGE_TAG").asText()).isEqualTo("4e1f0c9");
        assertThat(input.path("build").path("job").asText()).isEqualTo("shop/deploy");
        assertThat(input.path("build").path("gitBranch").asText()).isEqualTo("main");
        assertThat(input.path("build").path("callbackUrl").asText()).isEqualTo("https://ci.example/sfn-callback/s3cr3t");
    }

    @Test
    void theNameIsDerivedFromJobBuildAndSequenceUnlessGiven() throws Exception {
        LaunchOptions options = new LaunchOptions();
        assertThat(options.toRequest("deploy", env(), null, 1, null).executionName()).isEqualTo("shop-deploy-41");
        assertThat(options.toRequest("deploy", env(), null, 2, null).executionName()).isEqualTo("shop-deploy-41-2");
        options.setExecutionName("release 1.4.2");
        assertThat(options.toRequest("deploy", env(), null, 1, null).executionName()).isEqualTo("release-1-4-2");
    }

    @Test
    void inAPipelineTheNameComesFromTheStepsFlowNodeNotFromHowManyExecutionsTheBuildStartedBefore() throws Exception {
        LaunchOptions options = new LaunchOptions();
        assertThat(options.toRequest("deploy", env(), null, "12", 1, null).executionName()).isEqualTo("shop-deploy-41-12");
        assertThat(options.toRequest("deploy", env(), null, "15", 1, null).executionName()).isEqualTo("shop-deploy-41-15");
        assertThat(options.toRequest("deploy", env(), null, "12", 3, null).executionName()).isEqualTo("shop-deploy-41-12");
        options.setExecutionName("release 1.4.2");
        assertThat(options.toRequest("deploy", env(), null, "12", 1, null).executionName()).isEqualTo("release-1-4-2");
    }

    @Test
    void buildMetadataCanBeLeftOutOrMoved() throws Exception {
        LaunchOptions options = new LaunchOptions();
        options.setBuildMetadataKey("jenkins");
        JsonNode moved = JSON.readTree(new ExecutionInputAssembler().assemble(
                options.toRequest("deploy", env(), null, 1, null).input()));
        assertThat(moved.path("jenkins").path("number").asText()).isEqualTo("41");

        options.setBuildMetadata(false);
        assertThat(options.toRequest("deploy", env(), null, 1, null).input()).isEmpty();
    }

    @Test
    void mistakesNameTheFieldBeforeAnythingStarts() {
        LaunchOptions values = new LaunchOptions();
        values.setInputValues("version 1.4.2");
        assertThatThrownBy(() -> values.toRequest("deploy", env(), null, 1, null))
                .isInstanceOf(AbortException.class).hasMessageStartingWith("inputValues: line 'version 1.4.2'");

        LaunchOptions file = new LaunchOptions();
        file.setInputFile("deploy.json");
        assertThatThrownBy(() -> file.toRequest("deploy", env(), null, 1, null))
                .isInstanceOf(AbortException.class).hasMessageStartingWith("inputFile:").hasMessageContaining("node");
    }

    @Test
    void keyValuesIgnoreBlankLinesAndComments() throws Exception {
        assertThat(LaunchOptions.keyValues("\n# note\na=1\n  b = two  \n")).isEqualTo(Map.of("a", "1", "b", "two"));
    }
}
