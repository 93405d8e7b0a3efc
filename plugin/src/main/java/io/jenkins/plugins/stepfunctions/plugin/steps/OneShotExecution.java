package io.jenkins.plugins.stepfunctions.plugin.steps;

import hudson.AbortException;
import io.jenkins.plugins.stepfunctions.plugin.runtime.JenkinsServices;
import java.io.Serial;
import java.util.concurrent.Future;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A step that makes one short call (start, send a task result, validate): the call runs on the plugin's own
 * pool, never on the Pipeline VM thread nor on Jenkins' shared Timer, and completes the step with its result
 * (or with any Throwable it ends in, an Error included).
 */
abstract class OneShotExecution extends StepExecution {
    @Serial
    private static final long serialVersionUID = 1L;

    protected final StepContext context;
    private transient volatile Future<?> call;
    /** The context was completed: never twice (a stop and the call's own end may race). */
    private transient boolean completed;

    OneShotExecution(StepContext context) {
        super(context);
        this.context = context;
    }

    /** The call; its result is the step's return value. */
    protected abstract Object call(BuildContext build) throws Exception;

    /** What the call gets from Jenkins: by default with the connection resolved (a step that calls AWS). */
    protected BuildContext buildContext() throws Exception {
        return BuildContext.of(context);
    }

    /** Returns at once: even the connection (a credential lookup, an STS call for a role) is resolved on the pool. */
    @Override
    public boolean start() throws Exception {
        call = JenkinsServices.of(context).executor().submit(() -> {
            try {
                Object value = call(buildContext());
                complete(value, null);
            } catch (Throwable e) {
                complete(null, UserErrors.forBuild(e));
            }
        });
        return false;
    }

    @Override
    public void stop(Throwable cause) {
        Future<?> running = call;
        if (running != null) {
            running.cancel(true);
        }
        complete(null, cause);
    }

    private void complete(Object value, Throwable failure) {
        synchronized (this) {
            if (completed) {
                return;
            }
            completed = true;
        }
        if (failure != null) {
            context.onFailure(failure);
        } else {
            context.onSuccess(value);
        }
    }

    @Override
    public void onResume() {
        complete(null, new AbortException(afterRestart()));
    }

    /** Why the step failed when the controller restarted under it (it is not run again by itself). */
    protected String afterRestart() {
        return "The controller restarted during this step; its call may or may not have reached AWS."
                + " Check the execution and run the step again if needed.";
    }
}
