package io.jenkins.plugins.stepfunctions.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.bridge.approval.AnswerResult;
import io.jenkins.plugins.stepfunctions.bridge.approval.Decision;
import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.bridge.render.RenderedLine;
import io.jenkins.plugins.stepfunctions.bridge.watch.Advance;
import io.jenkins.plugins.stepfunctions.bridge.watch.ExecutionFollower;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowListener;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowState;
import io.jenkins.plugins.stepfunctions.bridge.approval.ApprovalRules;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code sfn approve} and {@code sfn reject} share: read the execution's history once to find its
 * pending approvals, pick the one asked for, answer it.
 */
final class AnswerApproval {
    private AnswerApproval() {
    }

    static int answer(String command, ConnectionOptions connection, AnswerOptions options, boolean approve, PrintWriter out,
                      PrintWriter err) {
        String executionArn = options.executionArn;
        String state = options.state;
        String approver = options.approverName();
        JsonNode parameters = null;
        if (options.parameters != null) {
            try {
                parameters = new ObjectMapper().readTree(options.parameters);
            } catch (JsonProcessingException e) {
                parameters = null;
            }
            if (parameters == null || !parameters.isObject()) {
                err.println("sfn " + command + ": --parameters: is not a JSON object; give e.g. '{\"changeTicket\":\"CHG-1234\"}'");
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
        }
        try (AwsClients clients = new AwsClients(connection.connection())) {
            // reach the execution first: an endpoint that cannot be reached or a wrong ARN is that, not "nothing pending"
            clients.sfn().describeExecution(b -> b.executionArn(executionArn));
            FollowState followState = new FollowState(executionArn, new ApprovalRules(options.approvalStates, List.of()));
            ExecutionFollower follower = new ExecutionFollower(clients.sfnNoRetry(), followState, new FollowListener() {
                @Override
                public void line(RenderedLine line) {
                }
            });
            Advance a;
            int attempts = 0;
            do {
                a = follower.advance();
                attempts++;
            } while (a instanceof Advance.Again again && again.delay().isZero() && attempts < 1000);
            List<PendingApproval> pending = followState.pendingApprovals().stream()
                    .filter(p -> state == null || p.state().equals(state)).toList();
            if (pending.isEmpty()) {
                err.println("sfn " + command + ": no pending approval" + (state == null ? "" : " at state " + state) + " in " + executionArn
                        + (followState.outcome() != null ? " (the execution has ended: " + followState.outcome().status() + ")" : "")
                        + "; approvals are .waitForTaskToken tasks with an 'approval' object (docs/approvals.md), or name the state with --approval-state");
                err.flush();
                return ExitCodes.NOT_FOUND;
            }
            if (pending.size() > 1) {
                err.println("sfn " + command + ": " + pending.size() + " approvals are pending ("
                        + pending.stream().map(PendingApproval::state).collect(Collectors.joining(", "))
                        + "); choose one with --state");
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            PendingApproval p = pending.get(0);
            AnswerResult r = follower.answer(p.id(), new Decision(approve, approver, options.comment, parameters), false);
            if (r != AnswerResult.ANSWERED) {
                err.println("sfn " + command + ": the approval at " + p.state() + " was not answered: "
                        + r.name().toLowerCase().replace('_', ' '));
                err.flush();
                return ExitCodes.APPROVAL_CLOSED;
            }
            out.println((approve ? "approved " : "rejected ") + p.state() + " of " + executionArn + " as " + approver);
            out.flush();
            return ExitCodes.OK;
        } catch (Exception e) {
            return CliErrors.report(command, e, err);
        }
    }
}
