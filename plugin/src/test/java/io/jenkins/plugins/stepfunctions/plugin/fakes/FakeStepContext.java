package io.jenkins.plugins.stepfunctions.plugin.fakes;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A Pipeline step context without Pipeline: context objects are looked up by type in a list, the step's
 * result lands in a future. Limits: no CPS VM thread (calls arrive on whatever thread makes them), no
 * program persistence ({@link #saveState()} only counts), no FlowNode, no nested contexts but the ones given.
 */
public final class FakeStepContext extends StepContext {
    private final transient List<Object> objects = new ArrayList<>();
    private final transient CompletableFuture<Object> result = new CompletableFuture<>();
    private final transient AtomicInteger saves = new AtomicInteger();
    private final transient AtomicInteger completions = new AtomicInteger();
    private transient BodyInvoker bodyInvoker;

    public FakeStepContext with(Object contextObject) {
        objects.add(contextObject);
        return this;
    }

    public FakeStepContext withBody(BodyInvoker invoker) {
        this.bodyInvoker = invoker;
        return this;
    }

    /** Completes with the step's return value, or exceptionally with its failure. */
    public CompletableFuture<Object> result() {
        return result;
    }

    public int saves() {
        return saves.get();
    }

    /** How often the step completed this context (onSuccess and onFailure together); Pipeline wants exactly once. */
    public int completions() {
        return completions.get();
    }

    @Override
    public <T> T get(Class<T> key) {
        return objects.stream().filter(key::isInstance).map(key::cast).findFirst().orElse(null);
    }

    @Override
    public void onSuccess(Object value) {
        completions.incrementAndGet();
        result.complete(value);
    }

    @Override
    public void onFailure(Throwable t) {
        completions.incrementAndGet();
        result.completeExceptionally(t);
    }

    @Override
    public boolean isReady() {
        return result.isDone();
    }

    @Override
    public ListenableFuture<Void> saveState() {
        saves.incrementAndGet();
        return Futures.immediateFuture(null);
    }

    @Override
    public void setResult(Result r) {
        throw new UnsupportedOperationException("the plugin never sets a build result through the context");
    }

    @Override
    public BodyInvoker newBodyInvoker() {
        if (bodyInvoker == null) {
            throw new IllegalStateException("this step has no body");
        }
        return bodyInvoker;
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
