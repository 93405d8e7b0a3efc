package io.jenkins.plugins.stepfunctions.engine.server;

import static io.jenkins.plugins.stepfunctions.engine.server.Definitions.PASS;
import static io.jenkins.plugins.stepfunctions.engine.server.Definitions.ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.stepfunctions.engine.TestEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.UpdateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** State machines through the SDK: create, describe, update, versions, delete, list, validate, tag. */
class StateMachineApiTest {
    private final TestEngine running = TestEngine.startServer();
    private final SfnClient sfn = running.sfn();

    @AfterEach
    void stop() {
        running.close();
    }

    private String create(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    @Test
    void createdStateMachineIsDescribedWithItsDefinitionVerbatim() {
        String arn = create("Deploy", PASS);
        assertThat(arn).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:Deploy");
        DescribeStateMachineResponse described = sfn.describeStateMachine(b -> b.stateMachineArn(arn));
        assertThat(described.name()).isEqualTo("Deploy");
        assertThat(described.definition()).isEqualTo(PASS);
        assertThat(described.roleArn()).isEqualTo(ROLE);
        assertThat(described.type()).isEqualTo(StateMachineType.STANDARD);
        assertThat(described.statusAsString()).isEqualTo("ACTIVE");
        assertThat(described.creationDate()).isNotNull();
        assertThat(described.revisionId()).isNotBlank();
        assertThat(described.loggingConfiguration().levelAsString()).isEqualTo("OFF");
    }

    @Test
    void arnsCarryTheRegionTheClientSignedFor() {
        try (SfnClient frankfurt = running.client(Region.EU_CENTRAL_1, RetryPolicy.none())) {
            String arn = frankfurt.createStateMachine(b -> b.name("Deploy").definition(PASS).roleArn(ROLE)).stateMachineArn();
            assertThat(arn).startsWith("arn:aws:states:eu-central-1:123456789012:stateMachine:");
            assertThat(frankfurt.listStateMachines().stateMachines()).hasSize(1);
        }
        assertThat(sfn.listStateMachines().stateMachines()).isEmpty();
    }

    @Test
    void creatingTheSameStateMachineAgainIsIdempotent() {
        CreateStateMachineResponse first = sfn.createStateMachine(b -> b.name("Deploy").definition(PASS).roleArn(ROLE));
        CreateStateMachineResponse again = sfn.createStateMachine(b -> b.name("Deploy").definition(PASS).roleArn(ROLE));
        assertThat(again.stateMachineArn()).isEqualTo(first.stateMachineArn());
        assertThat(again.creationDate()).isEqualTo(first.creationDate());
    }

    @Test
    void sameNameWithAnotherDefinitionIsStateMachineAlreadyExists() {
        create("Deploy", PASS);
        assertThatThrownBy(() -> create("Deploy", Definitions.FAIL))
                .isInstanceOf(StateMachineAlreadyExistsException.class)
                .hasMessageContaining("UpdateStateMachine");
    }

    @Test
    void invalidDefinitionIsRejectedNamingTheLocation() {
        String broken = """
                {"StartAt": "Deploy", "States": {"Deploy": {"Type": "Pass", "Next": "Nowhere"}}}""";
        assertThatThrownBy(() -> create("Broken", broken))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("/States/Deploy/Next")
                .hasMessageContaining("Nowhere");
        assertThatThrownBy(() -> create("NotJson", "{\"StartAt\": "))
                .isInstanceOf(InvalidDefinitionException.class);
        assertThat(sfn.listStateMachines().stateMachines()).isEmpty();
    }

    @Test
    void updateReplacesTheDefinitionAndChangesTheRevision() {
        String arn = create("Deploy", PASS);
        String before = sfn.describeStateMachine(b -> b.stateMachineArn(arn)).revisionId();
        UpdateStateMachineResponse updated = sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(Definitions.FAIL));
        assertThat(updated.revisionId()).isNotEqualTo(before);
        assertThat(updated.updateDate()).isNotNull();
        DescribeStateMachineResponse described = sfn.describeStateMachine(b -> b.stateMachineArn(arn));
        assertThat(described.definition()).isEqualTo(Definitions.FAIL);
        assertThat(described.revisionId()).isEqualTo(updated.revisionId());
    }

    @Test
    void updateWithNothingToChangeIsRefused() {
        String arn = create("Deploy", PASS);
        assertThatThrownBy(() -> sfn.updateStateMachine(b -> b.stateMachineArn(arn)))
                .hasMessageContaining("definition");
    }

    @Test
    void deletedStateMachineNoLongerExists() {
        String arn = create("Deploy", PASS);
        sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(arn)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
    }

    @Test
    void listingPagesThroughEveryStateMachineOnceInNameOrder() {
        for (String name : List.of("e", "b", "d", "a", "c")) {
            create(name, PASS);
        }
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListStateMachinesResponse page = sfn.listStateMachines(b -> b.maxResults(2).nextToken(next));
            page.stateMachines().stream().map(StateMachineListItem::name).forEach(names::add);
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(names).containsExactly("a", "b", "c", "d", "e");
        assertThat(pages).isEqualTo(3);
        assertThat(sfn.listStateMachinesPaginator(b -> b.maxResults(1)).stateMachines()).hasSize(5);
    }

    @Test
    void validationReportsDiagnosticsWithoutCreatingAnything() {
        ValidateStateMachineDefinitionResponse ok = sfn.validateStateMachineDefinition(b -> b.definition(PASS));
        assertThat(ok.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
        assertThat(ok.diagnostics()).isEmpty();
        ValidateStateMachineDefinitionResponse bad = sfn.validateStateMachineDefinition(b -> b.definition("""
                {"StartAt": "Deploy", "States": {"Deploy": {"Type": "Pass", "Next": "Nowhere"}}}"""));
        assertThat(bad.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
        assertThat(bad.diagnostics()).anySatisfy(d -> {
            assertThat(d.severityAsString()).isEqualTo("ERROR");
            assertThat(d.location()).isEqualTo("/States/Deploy/Next");
        });
        assertThat(sfn.listStateMachines().stateMachines()).isEmpty();
    }

    @Test
    void unknownTypeIsValidationException() {
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("Deploy").definition(PASS).roleArn(ROLE).type("FAST")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("STANDARD, EXPRESS");
    }

    @Test
    void tagsAreListedAddedAndRemoved() {
        String arn = sfn.createStateMachine(b -> b.name("Deploy").definition(PASS).roleArn(ROLE)
                .tags(Tag.builder().key("team").value("release").build())).stateMachineArn();
        sfn.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("env").value("prod").build()));
        assertThat(sfn.listTagsForResource(b -> b.resourceArn(arn)).tags())
                .extracting(Tag::key).containsExactlyInAnyOrder("team", "env");
        sfn.untagResource(b -> b.resourceArn(arn).tagKeys("team"));
        assertThat(sfn.listTagsForResource(b -> b.resourceArn(arn)).tags()).extracting(Tag::key).containsExactly("env");
    }
}
