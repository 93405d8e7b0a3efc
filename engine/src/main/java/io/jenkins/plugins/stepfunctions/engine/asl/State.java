package io.jenkins.plugins.stepfunctions.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.engine.dataflow.ChoiceRule;
import java.util.List;

/** One state of a definition; the permitted records are the eight state types of ASL. */
public sealed interface State {
    String name();

    StateIo io();

    /** AWS's name of the type, the prefix of its history events ({@code Pass} -> PassStateEntered). */
    String type();

    default Transition transition() {
        return new Transition(null, true);
    }

    default List<Retrier> retry() {
        return List.of();
    }

    default List<Catcher> catchers() {
        return List.of();
    }

    /** @param result the {@code Result} field, or null */
    record Pass(String name, StateIo io, Transition transition, JsonNode result) implements State {
        public String type() {
            return "Pass";
        }
    }

    /**
     * @param timeout     TimeoutSeconds or TimeoutSecondsPath (literal, path or JSONata), or null
     * @param heartbeat   HeartbeatSeconds or HeartbeatSecondsPath, or null
     * @param credentials {@code Credentials} or null
     */
    record Task(String name, StateIo io, Transition transition, String resource, ValueSource timeout,
                ValueSource heartbeat, JsonNode credentials, List<Retrier> retry, List<Catcher> catchers)
            implements State {
        public String type() {
            return "Task";
        }
    }

    /** @param defaultNext {@code Default}, or null */
    record Choice(String name, StateIo io, List<ChoiceBranch> choices, String defaultNext) implements State {
        public String type() {
            return "Choice";
        }
    }

    /** One element of {@code Choices}: a JSONPath rule (compiled), or a JSONata {@code Condition}. */
    record ChoiceBranch(ChoiceRule rule, JsonNode condition, String next, JsonNode output, JsonNode assign) {
    }

    /**
     * Exactly one of the two is set.
     *
     * @param seconds   Seconds or SecondsPath (literal, path or JSONata)
     * @param timestamp Timestamp or TimestampPath
     */
    record Wait(String name, StateIo io, Transition transition, ValueSource seconds, ValueSource timestamp)
            implements State {
        public String type() {
            return "Wait";
        }
    }

    record Succeed(String name, StateIo io) implements State {
        public String type() {
            return "Succeed";
        }
    }

    /**
     * @param error Error or ErrorPath (a JSONPath path or an intrinsic function call), or a JSONata
     *              template; null when neither is given
     * @param cause Cause or CausePath, the same way
     */
    record Fail(String name, StateIo io, ValueSource error, ValueSource cause) implements State {
        public String type() {
            return "Fail";
        }
    }

    record Parallel(String name, StateIo io, Transition transition, List<Graph> branches, List<Retrier> retry,
                    List<Catcher> catchers) implements State {
        public String type() {
            return "Parallel";
        }
    }

    /**
     * @param distributed  {@code ProcessorConfig.Mode: DISTRIBUTED}: iterations are child runs
     *                     whose events stay out of this history (MapRun events instead)
     * @param items        {@code Items} (a JSONata template) or {@code ItemsPath} ({@code $} when not
     *                     given); null ({@code ItemsPath: null}, or no Items): the effective input
     * @param itemSelector {@code ItemSelector} or legacy {@code Parameters}, or null
     * @param itemReader   {@code ItemReader} (items read from S3 by a distributed Map), or null
     * @param resultWriter {@code ResultWriter} (results exported to S3 or formatted), or null
     * @param label        {@code Label} (names the Map Run instead of the state), or null
     * @param maxConcurrency             MaxConcurrency or MaxConcurrencyPath, or null
     * @param toleratedFailureCount      ToleratedFailureCount or its Path, or null
     * @param toleratedFailurePercentage ToleratedFailurePercentage or its Path, or null
     */
    record Map(String name, StateIo io, Transition transition, Graph processor, boolean distributed,
               ValueSource items, JsonNode itemSelector, ItemReader itemReader,
               ResultWriter resultWriter, String label, ValueSource maxConcurrency,
               ValueSource toleratedFailureCount, ValueSource toleratedFailurePercentage, List<Retrier> retry,
               List<Catcher> catchers) implements State {
        public String type() {
            return "Map";
        }

        /** A Map state named {@code name}, its fields set by name; unset ones are null, false or empty. */
        public static Builder builder(String name) {
            return new Builder(name);
        }

        /** Builds a {@link Map} field by field instead of through its 15 positional components. */
        public static final class Builder {
            private final String name;
            private StateIo io;
            private Transition transition;
            private Graph processor;
            private boolean distributed;
            private ValueSource items;
            private JsonNode itemSelector;
            private ItemReader itemReader;
            private ResultWriter resultWriter;
            private String label;
            private ValueSource maxConcurrency;
            private ValueSource toleratedFailureCount;
            private ValueSource toleratedFailurePercentage;
            private List<Retrier> retry = List.of();
            private List<Catcher> catchers = List.of();

            private Builder(String name) {
                this.name = name;
            }

            public Builder io(StateIo io) {
                this.io = io;
                return this;
            }

            public Builder transition(Transition transition) {
                this.transition = transition;
                return this;
            }

            /** {@code ItemProcessor} (or the legacy {@code Iterator}) and whether it is distributed. */
            public Builder processor(Graph processor, boolean distributed) {
                this.processor = processor;
                this.distributed = distributed;
                return this;
            }

            public Builder items(ValueSource items) {
                this.items = items;
                return this;
            }

            public Builder itemSelector(JsonNode itemSelector) {
                this.itemSelector = itemSelector;
                return this;
            }

            public Builder itemReader(ItemReader itemReader) {
                this.itemReader = itemReader;
                return this;
            }

            public Builder resultWriter(ResultWriter resultWriter) {
                this.resultWriter = resultWriter;
                return this;
            }

            public Builder label(String label) {
                this.label = label;
                return this;
            }

            public Builder maxConcurrency(ValueSource maxConcurrency) {
                this.maxConcurrency = maxConcurrency;
                return this;
            }

            public Builder toleratedFailureCount(ValueSource toleratedFailureCount) {
                this.toleratedFailureCount = toleratedFailureCount;
                return this;
            }

            public Builder toleratedFailurePercentage(ValueSource toleratedFailurePercentage) {
                this.toleratedFailurePercentage = toleratedFailurePercentage;
                return this;
            }

            public Builder retry(List<Retrier> retry) {
                this.retry = retry;
                return this;
            }

            public Builder catchers(List<Catcher> catchers) {
                this.catchers = catchers;
                return this;
            }

            public Map build() {
                return new Map(name, io, transition, processor, distributed, items, itemSelector,
                        itemReader, resultWriter, label, maxConcurrency, toleratedFailureCount,
                        toleratedFailurePercentage, retry, catchers);
            }
        }
    }
}
