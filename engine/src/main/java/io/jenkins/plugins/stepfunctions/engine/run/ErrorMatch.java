package io.jenkins.plugins.stepfunctions.engine.run;

import io.jenkins.plugins.stepfunctions.engine.StatesException;
import java.util.List;

/** How Retry and Catch match an error name (AWS's rules for States.ALL, States.TaskFailed, States.Timeout). */
public final class ErrorMatch {
    private ErrorMatch() {
    }

    public static boolean matches(List<String> errorEquals, String error) {
        boolean uncatchable = StatesException.RUNTIME.equals(error) || "States.DataLimitExceeded".equals(error);
        for (String name : errorEquals) {
            if (name.equals(error)) {
                return !uncatchable;
            }
            if (uncatchable) {
                continue;
            }
            if (name.equals(StatesException.ALL)) {
                return true;
            }
            if (name.equals(StatesException.TASK_FAILED) && !error.equals(StatesException.TIMEOUT)
                    && !error.equals(StatesException.HEARTBEAT_TIMEOUT)) {
                return true;
            }
            if (name.equals(StatesException.TIMEOUT) && error.equals(StatesException.HEARTBEAT_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }
}
