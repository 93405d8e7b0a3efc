package io.jenkins.plugins.stepfunctions.engine.run;

/** A Map or Parallel attempt: lanes running side by side, which an abort stops and a redrive resumes. */
interface Branching {
    /**
     * Writes the abort events of the lanes still running (their states in flight and, for a Map, a
     * MapIterationAborted per iteration), each following {@code previousEventId}, and stops them.
     *
     * @param states whether a Task or Wait in flight writes its {@code <Type>StateAborted} (a sibling
     *               failed) or not (the execution was stopped or timed out, where AWS writes none)
     */
    void abort(long previousEventId, boolean states);
}
