package io.jenkins.plugins.stepfunctions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MermaidDiagramTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode definition(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void drawsEachStateWithTheShapeOfItsTypeAndConnectsStartAndEnd() throws Exception {
        String diagram = MermaidDiagram.render(definition("""
                {'StartAt': 'Deploy', 'States': {
                  'Deploy': {'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke', 'TimeoutSeconds': 300,
                             'Retry': [], 'Next': 'Pause'},
                  'Pause': {'Type': 'Wait', 'Seconds': 60, 'Next': 'Done'},
                  'Done': {'Type': 'Succeed'}}}"""));

        assertThat(diagram).startsWith("flowchart TD\n")
                .contains("    Deploy[\"Deploy<br/>lambda:invoke · retry · timeout 5 min\"]\n")
                .contains("    Pause([\"Pause<br/>wait 1 min\"]):::wait\n")
                .contains("    Done([\"Done\"]):::succeed\n")
                .contains("    start --> Deploy\n")
                .contains("    Deploy --> Pause\n")
                .contains("    Done --> finish\n");
    }

    @Test
    void labelsChoiceRulesDefaultsAndCatchesAndEscapesWhatMermaidWouldMisread() throws Exception {
        String diagram = MermaidDiagram.render(definition("""
                {'StartAt': 'Check', 'States': {
                  'Check': {'Type': 'Choice', 'Choices': [
                      {'Variable': '$.errors', 'NumericGreaterThanPath': '$.max', 'Next': 'Broken'},
                      {'And': [{'Variable': '$.s', 'StringEquals': 'OK'}, {'Variable': '$.p', 'IsPresent': true}], 'Next': 'Call'}],
                    'Default': 'Broken'},
                  'Call': {'Type': 'Task', 'Resource': 'arn:aws:states:::aws-sdk:ecs:describeServices', 'End': true,
                           'Catch': [{'ErrorEquals': ['States.Timeout', 'States.ALL'], 'Next': 'Broken'}]},
                  'Broken': {'Type': 'Fail', 'Error': 'Deploy.Broken'}}}"""));

        assertThat(diagram)
                .contains("    Check{\"Check\"}:::choice\n")
                .contains("    Check -->|\"$.errors #gt; $.max\"| Broken\n")
                .contains("    Check -->|\"($.s == 'OK') and ($.p is present)\"| Call\n")
                .contains("    Check -->|\"otherwise\"| Broken\n")
                .contains("    Call[\"Call<br/>ecs:describeServices\"]\n")
                .contains("    Call -.->|\"catch States.Timeout, States.ALL\"| Broken\n")
                .contains("    Broken([\"Broken<br/>Deploy.Broken\"]):::fail\n")
                .contains("    Call --> finish\n");
    }

    @Test
    void drawsParallelBranchesAndMapProcessorsAsNestedSubgraphs() throws Exception {
        String diagram = MermaidDiagram.render(definition("""
                {'StartAt': 'Tests', 'States': {
                  'Tests': {'Type': 'Parallel', 'Next': 'Regions', 'Branches': [
                      {'StartAt': 'Load', 'States': {'Load': {'Type': 'Pass', 'End': true}}},
                      {'StartAt': 'Smoke', 'States': {'Smoke': {'Type': 'Pass', 'End': true}}}]},
                  'Regions': {'Type': 'Map', 'MaxConcurrency': 2, 'End': true, 'ItemProcessor': {
                      'StartAt': 'end', 'States': {'end': {'Type': 'Pass', 'End': true}}}}}}"""));

        assertThat(diagram)
                .contains("    subgraph Tests [\"Tests (Parallel)\"]\n        direction TB\n"
                        + "        subgraph scope1 [\"branch 1\"]\n            direction TB\n            Load>\"Load\"]\n        end\n"
                        + "        subgraph scope2 [\"branch 2\"]\n")
                .contains("    subgraph Regions [\"Regions (Map, 2 at a time)\"]\n")
                .contains("            s_end>\"end\"]\n")
                .contains("    Tests --> Regions\n")
                .contains("    Regions --> finish\n")
                .doesNotContain("Load --> finish");
    }

    @Test
    void theSameDefinitionAlwaysGivesTheSameDiagram() throws Exception {
        JsonNode def = definition("{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'Next': 'B'}, 'B': {'Type': 'Succeed'}}}");
        assertThat(MermaidDiagram.render(def)).isEqualTo(MermaidDiagram.render(def.deepCopy()));
    }
}
