package io.jenkins.plugins.stepfunctions.view;

/** Why the execution may go from one state to another; the view draws each kind differently. */
public enum EdgeKind {
    NEXT,
    /** a Choice rule, labelled with the rule */
    CHOICE,
    /** a Choice's Default */
    DEFAULT,
    /** a Catch, labelled with the errors it catches */
    CATCH,
    /** a Retry: from a state to itself, labelled with the errors and the attempts allowed */
    RETRY
}
