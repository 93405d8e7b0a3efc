package io.jenkins.plugins.stepfunctions.engine.dataflow;

/**
 * One JSONPath choice rule, compiled when the definition is parsed ({@link ChoiceRules#compile}): its
 * operator looked up, its paths and literal operands (timestamps, StringMatches patterns) read once,
 * so that a Choice state evaluated in a loop only reads the input.
 */
public interface ChoiceRule {
    /** Whether the rule holds for {@code scope}; States.Runtime when a path it needs reads nothing. */
    boolean matches(PathScope scope);
}
