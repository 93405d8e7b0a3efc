package io.jenkins.plugins.stepfunctions.engine.run;

import io.jenkins.plugins.stepfunctions.engine.ApiException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open task tokens (callback tasks and activity tasks) and what answers them. A token is closed
 * when answered, timed out or when its execution ends.
 */
final class TaskTokens {
    /** What the waiting state does with an answer; each method runs on the execution's actor. */
    interface Callback {
        void success(String output);

        void failure(String error, String cause);

        void heartbeat();
    }

    private record Open(ExecutionRun execution, Callback callback) {
    }

    static final String PREFIX = "AQC";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    /** Tokens of timed-out tasks, so late answers get TaskTimedOut; the oldest are forgotten. */
    private final Map<String, Boolean> timedOut = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > 10_000;
                }
            });
    private final Map<ExecutionRun, Set<String>> byExecution = new ConcurrentHashMap<>();

    String open(ExecutionRun execution, Callback callback) {
        byte[] bytes = new byte[96];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        open.put(token, new Open(execution, callback));
        byExecution.computeIfAbsent(execution, e -> ConcurrentHashMap.newKeySet()).add(token);
        return token;
    }

    /** Opens {@code token} again after a restart: the same token answers the resumed task. */
    void reopen(String token, ExecutionRun execution, Callback callback) {
        open.put(token, new Open(execution, callback));
        byExecution.computeIfAbsent(execution, e -> ConcurrentHashMap.newKeySet()).add(token);
    }

    void close(String token) {
        Open o = open.remove(token);
        if (o != null) {
            Set<String> set = byExecution.get(o.execution());
            if (set != null) {
                set.remove(token);
            }
        }
    }

    /** The task behind the token timed out: later answers get TaskTimedOut. */
    void timedOut(String token) {
        close(token);
        timedOut.put(token, Boolean.TRUE);
    }

    void closeAll(ExecutionRun execution) {
        Set<String> set = byExecution.remove(execution);
        if (set != null) {
            for (String t : set) {
                open.remove(t);
                timedOut.remove(t);
            }
        }
    }

    void success(String token, String output) {
        Open o = take(token, true);
        o.execution().post(() -> o.callback().success(output));
    }

    void failure(String token, String error, String cause) {
        Open o = take(token, true);
        o.execution().post(() -> o.callback().failure(error, cause));
    }

    void heartbeat(String token) {
        Open o = take(token, false);
        o.execution().post(() -> o.callback().heartbeat());
    }

    private Open take(String token, boolean close) {
        if (token == null || token.isEmpty() || token.length() > 1024) {
            throw new ApiException("InvalidToken", "The task token is missing or longer than 1024 characters: pass "
                    + "the token from $$.Task.Token or GetActivityTask unchanged.");
        }
        Open o = close ? open.remove(token) : open.get(token);
        if (o == null) {
            if (timedOut.containsKey(token)) {
                throw new ApiException("TaskTimedOut", "The task of this token timed out (TimeoutSeconds or "
                        + "HeartbeatSeconds elapsed): it can no longer be answered.");
            }
            if (!token.startsWith(PREFIX)) {
                throw new ApiException("InvalidToken", "Invalid Token: '" + redact(token) + "' is not a task token "
                        + "issued by this engine.");
            }
            throw new ApiException("TaskDoesNotExist", "Task does not exist anymore: the token " + redact(token)
                    + " was already answered, or its execution has ended.");
        }
        if (close) {
            Set<String> set = byExecution.get(o.execution());
            if (set != null) {
                set.remove(token);
            }
        }
        return o;
    }

    static String redact(String token) {
        return token.length() <= 12 ? "***" : token.substring(0, 8) + "..." + token.substring(token.length() - 4);
    }
}
