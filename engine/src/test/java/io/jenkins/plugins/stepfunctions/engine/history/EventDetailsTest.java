package io.jenkins.plugins.stepfunctions.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventDetailsTest {
    @Test
    void stateExitedCarriesOutputAndAssignedVariablesWithTruncationCompanions() {
        assertThat(EventDetails.stateExited("A", "{}", Map.of("x", "1")).toString()).isEqualTo(
                "{\"name\":\"A\",\"output\":\"{}\",\"outputDetails\":{\"truncated\":false},"
                        + "\"assignedVariables\":{\"x\":\"1\"},\"assignedVariablesDetails\":{\"truncated\":false}}");
        assertThat(EventDetails.stateExited("A", "{}", null).has("assignedVariables")).isFalse();
    }

    @Test
    void taskScheduledKeepsParametersAsJsonTextAndLeavesAbsentLimitsOut() {
        var d = EventDetails.taskScheduled("lambda", "invoke", "us-east-1", "{\"a\":1}", null, 30L);
        assertThat(d.path("parameters").asText()).isEqualTo("{\"a\":1}");
        assertThat(d.has("timeoutInSeconds")).isFalse();
        assertThat(d.path("heartbeatInSeconds").asLong()).isEqualTo(30);
    }

    @Test
    void textIsWhatJacksonWritesForEveryKindOfValueAndCharacter() throws Exception {
        ObjectMapper jackson = new ObjectMapper();
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            JsonNode tree = randomTree(random, 3);
            assertThat(EventDetails.text(tree)).isEqualTo(jackson.writeValueAsString(tree));
        }
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x200; c++) {
            every.append(c);
        }
        every.append("\u2028\u2029\ud83d\ude00\ud800 end");
        ObjectNode tricky = JsonNodeFactory.instance.objectNode().put(every.toString(), every.toString());
        tricky.putArray("numbers").add(1.5).add(-0.0).add(1e300).add(Float.NaN).add(Double.POSITIVE_INFINITY)
                .add(new BigDecimal("1.50")).add(BigInteger.TEN.pow(40)).add((short) 3).add(Long.MIN_VALUE)
                .add(Integer.MIN_VALUE);
        assertThat(EventDetails.text(tricky)).isEqualTo(jackson.writeValueAsString(tricky));
        assertThat(EventDetails.text(null)).isEqualTo("null");
        for (int depth : new int[] {400, 999, 1500}) {
            var deep = JsonNodeFactory.instance.arrayNode();
            var inner = deep;
            for (int i = 1; i < depth; i++) {
                inner = inner.addArray();
            }
            String expected;
            try {
                expected = jackson.writeValueAsString(deep);
            } catch (Exception e) {
                expected = null;
            }
            if (expected == null) {
                assertThatThrownBy(() -> EventDetails.text(deep)).as("depth " + depth)
                        .isInstanceOf(IllegalStateException.class);
            } else {
                assertThat(EventDetails.text(deep)).as("depth " + depth).isEqualTo(expected);
            }
        }
    }

    private static JsonNode randomTree(Random random, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (random.nextInt(depth > 0 ? 9 : 7)) {
            case 0:
                return nodes.textNode(randomString(random));
            case 1:
                return nodes.numberNode(random.nextInt());
            case 2:
                return nodes.numberNode(random.nextLong());
            case 3:
                return nodes.booleanNode(random.nextBoolean());
            case 4:
                return nodes.nullNode();
            case 5:
                return nodes.numberNode(random.nextDouble() * 1e6);
            case 6:
                return nodes.numberNode(random.nextInt(100));
            case 7: {
                ObjectNode o = nodes.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    o.set(randomString(random), randomTree(random, depth - 1));
                }
                return o;
            }
            default: {
                var a = nodes.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    a.add(randomTree(random, depth - 1));
                }
                return a;
            }
        }
    }

    private static String randomString(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            int kind = random.nextInt(4);
            s.append((char) (kind == 0 ? random.nextInt(0x30) : kind == 1 ? 0x20 + random.nextInt(0x60)
                    : kind == 2 ? random.nextInt(0x800) : random.nextInt(0x10000)));
        }
        return s.toString();
    }

    @Test
    void errorCauseLeavesOutWhatIsUnknown() {
        assertThat(EventDetails.errorCause("E", null).toString()).isEqualTo("{\"error\":\"E\"}");
    }
}
