package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.Definitions.FAIL;
import static io.jenkins.plugins.stepfunctions.engine.server.Definitions.PASS;
import static io.jenkins.plugins.stepfunctions.engine.server.Definitions.ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineAliasResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** Versions and aliases: what a deployment pipeline pins its executions to. */
class VersionAliasApiTest {
    private final TestEngine running = TestEngine.startServer();
    private final SfnClient sfn = running.sfn();
    private final String sm = sfn.createStateMachine(b -> b.name("Deploy").definition(PASS).roleArn(ROLE).publish(true))
            .stateMachineArn();
    private final String v1 = sm + ":1";
    private final String v2 = sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(FAIL).publish(true))
            .stateMachineVersionArn();

    @AfterEach
    void stop() {
        running.close();
    }

    private static RoutingConfigurationListItem route(String versionArn, int weight) {
        return RoutingConfigurationListItem.builder().stateMachineVersionArn(versionArn).weight(weight).build();
    }

    private DescribeExecutionResponse finished(String executionArn) {
        return Awaits.until(() -> sfn.describeExecution(b -> b.executionArn(executionArn)),
                d -> d.status() != ExecutionStatus.RUNNING);
    }

    @Test
    void publishedVersionsKeepTheirDefinition() {
        assertThat(v2).isEqualTo(sm + ":2");
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(v1)).definition()).isEqualTo(PASS);
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(v2)).definition()).isEqualTo(FAIL);
        assertThat(sfn.listStateMachineVersions(b -> b.stateMachineArn(sm)).stateMachineVersions())
                .extracting(v -> v.stateMachineVersionArn()).containsExactly(v2, v1);
        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(sm + ":3")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }

    @Test
    void publishingRefusesARevisionThatIsNoLongerCurrent() {
        String reviewed = sfn.describeStateMachine(b -> b.stateMachineArn(sm)).revisionId();
        sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(Definitions.waitFor(1)));
        assertThatThrownBy(() -> sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm).revisionId(reviewed)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not the current revision");
        assertThat(sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm)).stateMachineVersionArn()).isEqualTo(sm + ":3");
    }

    @Test
    void executionThroughAnAliasRunsItsVersionAndRecordsBoth() {
        String alias = sfn.createStateMachineAlias(b -> b.name("PROD").routingConfiguration(route(v1, 100)))
                .stateMachineAliasArn();
        assertThat(alias).isEqualTo(sm + ":PROD");
        String arn = sfn.startExecution(b -> b.stateMachineArn(alias)).executionArn();
        DescribeExecutionResponse done = finished(arn);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.stateMachineAliasArn()).isEqualTo(alias);
        assertThat(done.stateMachineVersionArn()).isEqualTo(v1);
        sfn.startExecution(b -> b.stateMachineArn(sm));
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(alias)).executions())
                .extracting(e -> e.executionArn()).containsExactly(arn);
    }

    @Test
    void canaryAliasSplitsExecutionsBetweenTwoVersions() {
        String alias = sfn.createStateMachineAlias(b -> b.name("CANARY").routingConfiguration(route(v1, 50), route(v2, 50)))
                .stateMachineAliasArn();
        Set<String> versions = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            String arn = sfn.startExecution(b -> b.stateMachineArn(alias)).executionArn();
            versions.add(sfn.describeExecution(b -> b.executionArn(arn)).stateMachineVersionArn());
        }
        assertThat(versions).containsExactlyInAnyOrder(v1, v2);
    }

    @Test
    void aliasIsDescribedUpdatedListedAndDeleted() {
        String alias = sfn.createStateMachineAlias(b -> b.name("PROD").description("live").routingConfiguration(route(v1, 100)))
                .stateMachineAliasArn();
        sfn.updateStateMachineAlias(b -> b.stateMachineAliasArn(alias).routingConfiguration(route(v2, 100)));
        DescribeStateMachineAliasResponse described = sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias));
        assertThat(described.name()).isEqualTo("PROD");
        assertThat(described.description()).isEqualTo("live");
        assertThat(described.routingConfiguration()).containsExactly(route(v2, 100));
        assertThat(described.updateDate()).isNotNull();
        assertThat(sfn.listStateMachineAliases(b -> b.stateMachineArn(sm)).stateMachineAliases())
                .extracting(a -> a.stateMachineAliasArn()).containsExactly(alias);
        sfn.deleteStateMachineAlias(b -> b.stateMachineAliasArn(alias));
        assertThatThrownBy(() -> sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias)))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("CreateStateMachineAlias");
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(alias)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void versionAnAliasRoutesToCannotBeDeleted() {
        sfn.createStateMachineAlias(b -> b.name("PROD").routingConfiguration(route(v1, 100)));
        assertThatThrownBy(() -> sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(v1)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("UpdateStateMachineAlias");
        sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(v2));
        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(v2)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }

    @Test
    void routingWeightsMustSumTo100() {
        assertThatThrownBy(() -> sfn.createStateMachineAlias(b -> b.name("BAD").routingConfiguration(route(v1, 60), route(v2, 30))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("sum to 100");
        assertThatThrownBy(() -> sfn.createStateMachineAlias(b -> b.name("BAD").routingConfiguration(route(sm, 100))))
                .hasMessageContaining("versions");
    }
}
