package io.jenkins.plugins.stepfunctions.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

class DefinitionGraphTest {
    private static final String DEFINITION = """
            {"StartAt":"Check","States":{
              "Check":{"Type":"Choice","Choices":[
                  {"Variable":"$.status","StringEquals":"ok","Next":"Deploy"},
                  {"Or":[{"Variable":"$.n","NumericGreaterThan":3},{"Variable":"$.x","IsPresent":false}],"Next":"Stop"}],
                "Default":"Stop"},
              "Deploy":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Next":"Both",
                "Retry":[{"ErrorEquals":["Lambda.ServiceException"],"MaxAttempts":4}],
                "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Stop"}]},
              "Both":{"Type":"Parallel","End":true,"Branches":[
                {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
                {"StartAt":"Each","States":{"Each":{"Type":"Map","End":true,
                  "ItemProcessor":{"StartAt":"Item","States":{"Item":{"Type":"Pass","End":true}}}}}}]},
              "Stop":{"Type":"Fail","Error":"E"}}}""";

    @Test
    void choiceRulesBecomeLabelledEdgesAndTheDefaultIsMarked() {
        GraphView graph = DefinitionGraph.of(Events.json(DEFINITION)).graph();

        assertThat(graph.edges()).filteredOn(e -> e.from().equals("Check"))
                .extracting(EdgeView::to, EdgeView::kind, EdgeView::label)
                .containsExactly(tuple("Deploy", EdgeKind.CHOICE, "$.status == \"ok\""),
                        tuple("Stop", EdgeKind.CHOICE, "($.n > 3 or $.x is absent)"),
                        tuple("Stop", EdgeKind.DEFAULT, "Default"));
    }

    @Test
    void retryAndCatchAreEdgesOfTheirOwnKinds() {
        GraphView graph = DefinitionGraph.of(Events.json(DEFINITION)).graph();

        assertThat(graph.edges()).filteredOn(e -> e.from().equals("Deploy"))
                .extracting(EdgeView::to, EdgeView::kind, EdgeView::label)
                .containsExactly(tuple("Both", EdgeKind.NEXT, null),
                        tuple("Deploy", EdgeKind.RETRY, "Lambda.ServiceException \u00d74"),
                        tuple("Stop", EdgeKind.CATCH, "States.ALL"));
    }

    @Test
    void parallelBranchesAndMapProcessorsAreNestedGraphsWhoseStatesKnowTheirContainer() {
        DefinitionGraph definition = DefinitionGraph.of(Events.json(DEFINITION));
        NodeView both = definition.graph().nodes().stream().filter(n -> n.name().equals("Both")).findFirst().orElseThrow();

        assertThat(both.children()).hasSize(2);
        assertThat(both.children().get(1).nodes().get(0).children()).hasSize(1);
        assertThat(definition.parent("A")).contains("Both");
        assertThat(definition.parent("Item")).contains("Each");
        assertThat(definition.parent("Each")).contains("Both");
        assertThat(definition.parent("Check")).isEmpty();
    }

    @Test
    void endSucceedAndFailStatesAreEnds() {
        GraphView graph = DefinitionGraph.of(Events.json(DEFINITION)).graph();

        assertThat(graph.nodes()).filteredOn(NodeView::end).extracting(NodeView::name).containsExactly("Both", "Stop");
    }

    @Test
    void anUnreadableDefinitionGivesAnEmptyGraph() {
        assertThat(DefinitionGraph.of(null).graph().nodes()).isEmpty();
        assertThat(DefinitionGraph.of(Events.json("{\"States\":3}")).graph().nodes()).isEmpty();
    }
}
