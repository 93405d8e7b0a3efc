package io.jenkins.plugins.stepfunctions.plugin.input;

import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.Result;
import java.io.IOException;
import java.io.Serial;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The context a real {@code input} step runs under for one approval: it sees the build, the console and the
 * flow node of the {@code sfnExecute}/{@code sfnAwait} step that follows the execution (so the input's
 * "Paused for Input" marks that step), but its outcome does not end that step. Proceed and Abort become the
 * approval's answer; a withdrawal (the approval closed elsewhere) ends the input and nothing else.
 */
final class InputContext extends StepContext {
    @Serial
    private static final long serialVersionUID = 1L;

    /** What becomes of the input's outcome. */
    interface Outcome {
        /** Proceed: {@code submitted} as the input step hands it over. Runs on the HTTP request's thread. */
        void proceeded(Object submitted);

        /** Abort. Runs on the HTTP request's thread. */
        void aborted();
    }

    private final StepContext step;
    private final transient Outcome outcome;
    private volatile boolean settled;

    InputContext(StepContext step, Outcome outcome) {
        this.step = step;
        this.outcome = outcome;
    }

    /** Marks the input as ended by us, before it is stopped, so that its stop is not taken for an Abort. */
    synchronized boolean withdraw() {
        if (settled) {
            return false;
        }
        settled = true;
        return true;
    }

    boolean isSettled() {
        return settled;
    }

    private synchronized boolean settle() {
        if (settled) {
            return false;
        }
        settled = true;
        return true;
    }

    @Override
    public <T> T get(Class<T> key) throws IOException, InterruptedException {
        return step.get(key);
    }

    @Override
    public void onSuccess(Object result) {
        if (settle()) {
            outcome.proceeded(result);
        }
    }

    @Override
    public void onFailure(Throwable t) {
        if (settle()) {
            outcome.aborted();
        }
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public ListenableFuture<Void> saveState() {
        return step.saveState();
    }

    @Override
    public void setResult(Result r) {
        // an approval's answer never sets the build's result: the execution's outcome does
    }

    @Override
    public BodyInvoker newBodyInvoker() {
        throw new IllegalStateException("an approval input has no body");
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
