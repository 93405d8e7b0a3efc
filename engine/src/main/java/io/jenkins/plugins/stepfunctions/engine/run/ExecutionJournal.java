package io.jenkins.plugins.stepfunctions.engine.run;

/**
 * Where an execution is written down as it goes (the server's data directory), so that it outlives a
 * restart. Called on the execution's actor each time it goes idle (it then waits for a timer, a token
 * or an activity worker, or has ended) and once when it ends, never concurrently for one execution.
 */
public interface ExecutionJournal {
    /** Keeps nothing: the in-memory engine, at no cost. */
    ExecutionJournal NONE = (execution, resume) -> {
    };

    /** {@code resume} is where the top level stands now (null before its first state). */
    void checkpoint(Execution execution, ResumePoint resume);
}
