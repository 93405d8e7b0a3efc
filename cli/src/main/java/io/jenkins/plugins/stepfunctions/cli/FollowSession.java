package io.jenkins.plugins.stepfunctions.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.bridge.approval.AnswerResult;
import io.jenkins.plugins.stepfunctions.bridge.approval.ApprovalRules;
import io.jenkins.plugins.stepfunctions.bridge.approval.Decision;
import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.bridge.render.RenderStyle;
import io.jenkins.plugins.stepfunctions.bridge.render.RenderedLine;
import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import io.jenkins.plugins.stepfunctions.bridge.result.ResultFile;
import io.jenkins.plugins.stepfunctions.bridge.watch.ExecutionFollower;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowListener;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowScheduler;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowState;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowStats;
import io.jenkins.plugins.stepfunctions.bridge.watch.Following;
import io.jenkins.plugins.stepfunctions.bridge.watch.PollingPolicy;
import io.jenkins.plugins.stepfunctions.cli.inprocess.InProcessFollowing;
import io.jenkins.plugins.stepfunctions.cli.inprocess.InProcessSfnClient;
import io.jenkins.plugins.stepfunctions.engine.server.EngineApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Follows one execution to its end on the terminal: lines as they come, approvals prompted (or answered
 * by flags), the outcome last. The follower runs on the bridge's scheduler; this thread only talks to
 * the person.
 */
final class FollowSession {
    private final SfnClient sfn;
    private final SfnClient sfnNoRetry;
    private final String budgetKey;
    private final EngineApi inProcess;
    private final FollowOptions options;
    private final PrintWriter out;
    private final PrintWriter err;
    private final BufferedReader terminal;
    private final PollingPolicy policy;
    /** The options another sfn needs to reach the execution (see {@link ConnectionOptions#sameConnection}). */
    private Function<String, List<String>> connectionWords = arn -> List.of();
    /** Interrupted: nothing more is printed (guarded by {@code out}, as every line is). */
    private boolean silent;
    /** The approval prompt waits for an answer on its line (guarded by {@code out}). */
    private boolean promptOpen;

    /** @param terminal where a person answers prompts, or null when nobody is there (CI) */
    FollowSession(AwsClients clients, FollowOptions options, PrintWriter out, PrintWriter err, BufferedReader terminal,
                  PollingPolicy policy) {
        this(clients.sfn(), clients.sfnNoRetry(), clients.connection().budgetKey(), null, options, out, err, terminal, policy);
    }

    /**
     * Following an execution of the engine in this process: its history is read through {@code sfn} (see
     * {@link InProcessSfnClient}), and the follower reads again at once while events wait ({@link InProcessFollowing}).
     */
    FollowSession(EngineApi inProcess, SfnClient sfn, FollowOptions options, PrintWriter out, PrintWriter err,
                  BufferedReader terminal, PollingPolicy policy) {
        this(sfn, sfn, null, inProcess, options, out, err, terminal, policy);
    }

    private FollowSession(SfnClient sfn, SfnClient sfnNoRetry, String budgetKey, EngineApi inProcess, FollowOptions options,
                          PrintWriter out, PrintWriter err, BufferedReader terminal, PollingPolicy policy) {
        this.sfn = sfn;
        this.sfnNoRetry = sfnNoRetry;
        this.budgetKey = budgetKey;
        this.inProcess = inProcess;
        this.options = options;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.policy = policy;
    }

    /**
     * How the printed {@code sfn approve} reaches the execution from another terminal: the words (for an execution
     * ARN) are asked for only
     * when a command is printed (for {@code sfn run --local} that starts serving the engine's API).
     */
    FollowSession reachedWith(Function<String, List<String>> connectionWords) {
        this.connectionWords = connectionWords;
        return this;
    }

    /** Interrupted: from now on nothing is printed; a line being printed is finished first (it holds the lock). */
    void silence() {
        synchronized (out) {
            silent = true;
            out.flush();
        }
    }

    /** The session's last line, on standard error, after {@link #silence()}: on a line of its own. */
    void lastWords(String line) {
        synchronized (out) {
            out.flush();
            if (promptOpen) {
                err.println();
            }
            err.println(line);
            err.flush();
        }
    }

    int follow(String executionArn) throws IOException, InterruptedException {
        RenderStyle style = options.style();
        boolean flushEveryLine = true;
        // approvals to answer, and DONE once following has ended: this thread wakes for either at once
        BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        FollowListener listener = new FollowListener() {
            @Override
            public void line(RenderedLine line) {
                synchronized (out) {
                    if (silent) {
                        return;
                    }
                    out.println(line.format(style));
                    if (flushEveryLine) {
                        out.flush();
                    }
                }
            }

            @Override
            public void approvalPending(PendingApproval approval) {
                synchronized (out) {
                    out.flush();
                }
                inbox.add(approval);
            }
        };
        FollowState state = new FollowState(executionArn, new ApprovalRules(options.approvalStates, options.approvalActivities));
        ExecutionFollower follower = new ExecutionFollower(sfnNoRetry, state, listener, policy, Clock.systemUTC(),
                new Random(), new FollowStats());
        Outcome outcome;
        if (inProcess != null) {
            try (InProcessFollowing following = InProcessFollowing.start(follower, inProcess)) {
                outcome = await(following.result(), follower, inbox);
            }
        } else {
            try (FollowScheduler scheduler = FollowScheduler.create(1, 16)) {
                Following following = scheduler.follow(follower, budgetKey);
                outcome = await(following.result(), follower, inbox);
            }
        }
        synchronized (out) {
            out.flush();
        }
        if (options.resultFile != null) {
            ResultFile.write(options.resultFile, outcome, sfn);
        }
        printOutcome(outcome, style);
        return ExitCodes.of(outcome.status());
    }

    private static final Object DONE = new Object();

    /** Answers approvals as they come until following ends; its outcome. */
    private Outcome await(CompletableFuture<Outcome> result, ExecutionFollower follower, BlockingQueue<Object> inbox)
            throws IOException, InterruptedException {
        result.whenComplete((o, e) -> inbox.add(DONE));
        while (!result.isDone()) {
            Object next = inbox.take();
            if (next instanceof PendingApproval p) {
                answer(follower, p);
            }
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void answer(ExecutionFollower follower, PendingApproval p) throws IOException {
        Decision decision;
        String approver = options.approverName();
        if (options.approveAll) {
            decision = Decision.approve(approver, options.comment);
        } else if (options.rejectAll) {
            decision = Decision.reject(approver, options.comment);
        } else if (terminal != null) {
            decision = prompt(p, approver);
            if (decision == null) {
                return;
            }
        } else {
            String approve = answerElsewhere("approve", p);
            String reject = answerElsewhere("reject", p);
            synchronized (out) {
                if (silent) {
                    return;
                }
                err.println("sfn: waiting for an answer to the approval at " + p.state() + deadline(p, ", due ", "")
                        + ". Answer it from another terminal with:");
                err.println("  " + approve);
                err.println("  or: " + reject);
                err.println("  or run with --approve-all / --reject-all");
                err.flush();
            }
            return;
        }
        // the CLI's user holds the AWS credentials: submitter names are Jenkins identities, shown but not enforced here
        AnswerResult r = follower.answer(p.id(), decision, false);
        synchronized (out) {
            err.println("sfn: " + (decision.approved() ? "approved" : "rejected") + " " + p.state() + " as " + approver
                    + (r == AnswerResult.ANSWERED ? "" : " - not sent: " + r.name().toLowerCase().replace('_', ' ')));
            err.flush();
        }
    }

    private Decision prompt(PendingApproval p, String approver) throws IOException {
        synchronized (out) {
            err.println();
            err.println("Approval requested at " + p.state() + ": " + p.message());
            p.metadata().forEach((k, v) -> err.println("  " + k + ": " + v));
            if (p.parameters() != null && p.parameters().size() > 0) {
                err.println("  parameters: " + p.parameters());
            }
            if (!p.submitters().isEmpty()) {
                err.println("  submitters: " + String.join(", ", p.submitters()));
            }
            if (p.deadline() != null) {
                err.println("  answer before: " + deadline(p, "", ""));
            }
        }
        Boolean approved = askApproveOrReject();
        if (approved == null) {
            err.println("sfn: left pending; answer later with: " + answerElsewhere("approve", p));
            err.flush();
            return null;
        }
        err.print("Comment (optional): ");
        err.flush();
        String comment = terminal.readLine();
        return new Decision(approved, approver, comment == null || comment.isBlank() ? null : comment.trim(), null);
    }

    /**
     * True to approve, false to reject, null to leave pending. A deployment decision is never
     * guessed: an answer that is neither a yes nor a no is asked again.
     */
    private Boolean askApproveOrReject() throws IOException {
        while (true) {
            synchronized (out) {
                err.print("Approve? [y]es / [n]o (reject) / [s]kip: ");
                err.flush();
                promptOpen = true;
            }
            String answer = terminal.readLine();
            synchronized (out) {
                promptOpen = false;
            }
            switch (PromptAnswer.of(answer)) {
                case APPROVE:
                    return true;
                case REJECT:
                    return false;
                case SKIP:
                    return null;
                default:
                    synchronized (out) {
                        err.println("sfn: '" + answer.trim() + "' is not an answer: type y to approve, n to reject, s to skip.");
                    }
            }
        }
    }

    /** What a person typed at the approval prompt. */
    enum PromptAnswer {
        APPROVE, REJECT, SKIP, UNCLEAR;

        static PromptAnswer of(String typed) {
            String word = typed == null ? "" : typed.trim().toLowerCase(java.util.Locale.ROOT);
            return switch (word) {
                case "y", "yes", "a", "approve" -> APPROVE;
                case "n", "no", "r", "reject" -> REJECT;
                case "", "s", "skip" -> SKIP;
                default -> UNCLEAR;
            };
        }
    }

    /** The {@code sfn approve|reject} that answers {@code p} when typed in another terminal as printed. */
    private String answerElsewhere(String verb, PendingApproval p) {
        List<String> words;
        try {
            words = connectionWords.apply(p.executionArn());
        } catch (RuntimeException e) {
            return "(no command works from elsewhere: " + e.getMessage() + ")";
        }
        return new ApproveCommandLine(words).of(verb, p);
    }

    /** The approval's deadline at the time scale in force, between {@code before} and {@code after}; "" without one. */
    private String deadline(PendingApproval p, String before, String after) {
        ApprovalDeadline d = ApprovalDeadline.of(p, policy.timeScale());
        return d == null ? "" : before + d.describe(Clock.systemUTC().instant()) + after;
    }

    private void printOutcome(Outcome outcome, RenderStyle style) {
        synchronized (out) {
            if (silent) {
                return;
            }
            if (style == RenderStyle.JSON) {
                ObjectNode node = ResultFile.toJson(outcome);
                ObjectNode line = new ObjectMapper().createObjectNode().put("kind", "result");
                line.setAll(node);
                out.println(line);
            } else {
                out.println(outcome.describe());
                if (outcome.output() != null) {
                    out.println("Output: " + outcome.output());
                }
            }
            out.flush();
        }
    }
}
