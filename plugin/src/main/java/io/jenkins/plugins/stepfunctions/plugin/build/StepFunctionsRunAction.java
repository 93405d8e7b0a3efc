package io.jenkins.plugins.stepfunctions.plugin.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.stepfunctions.bridge.BridgeException;
import io.jenkins.plugins.stepfunctions.bridge.approval.AnswerResult;
import io.jenkins.plugins.stepfunctions.bridge.approval.ApproverRule;
import io.jenkins.plugins.stepfunctions.bridge.approval.Decision;
import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import io.jenkins.plugins.stepfunctions.bridge.render.StateStats;
import io.jenkins.plugins.stepfunctions.bridge.result.Outcome;
import io.jenkins.plugins.stepfunctions.plugin.runtime.JenkinsServices;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * The build page of a build that ran executions: status, console link, live view, states table, pending
 * approvals with Approve/Reject (in the view and in the forms below it, both posting to {@code approve} and
 * {@code reject}), and each execution's history as a JSON download. Also hands the last execution's results to
 * later build steps as environment variables.
 */
public final class StepFunctionsRunAction implements RunAction2, EnvironmentContributingAction {
    public static final String URL_NAME = "stepfunctions";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Guards adding the action, without taking the Run's own monitor, which Jenkins locks for its own ends. */
    private static final Object ADDING = new Object();

    private final CopyOnWriteArrayList<ExecutionRecord> executions = new CopyOnWriteArrayList<>();
    private transient Run<?, ?> run;
    private transient JenkinsServices services;

    /** The build's action, added on first use. */
    public static StepFunctionsRunAction of(Run<?, ?> run, JenkinsServices services) {
        synchronized (ADDING) {
            StepFunctionsRunAction action = run.getAction(StepFunctionsRunAction.class);
            if (action == null) {
                action = new StepFunctionsRunAction();
                run.addOrReplaceAction(action);
            }
            action.run = run;
            action.services = services;
            return action;
        }
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    // No sidebar link and no page while the build follows nothing (an sfnValidate, a failed start, a send).

    @Override
    public String getIconFileName() {
        return executions.isEmpty() ? null : "/plugin/aws-step-functions/images/step-functions.svg";
    }

    @Override
    public String getDisplayName() {
        return executions.isEmpty() ? null : "Step Functions";
    }

    @Override
    public String getUrlName() {
        return executions.isEmpty() ? null : URL_NAME;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    public List<ExecutionRecord> getExecutions() {
        return List.copyOf(executions);
    }

    /** How many executions this build started or followed so far. */
    public int count() {
        return executions.size();
    }

    /** The record of an execution, added when the build starts following it. */
    public synchronized ExecutionRecord record(String executionArn, String consoleUrl) {
        return find(executionArn).orElseGet(() -> {
            ExecutionRecord record = new ExecutionRecord(executions.size() + 1, executionArn, consoleUrl);
            executions.add(record);
            return record;
        });
    }

    public Optional<ExecutionRecord> find(String executionArn) {
        return executions.stream().filter(e -> e.getExecutionArn().equals(executionArn)).findFirst();
    }

    public void states(ExecutionRecord record, List<StateStats> stats) {
        record.states(stats);
    }

    public void approvalPending(ExecutionRecord record, PendingApproval approval) {
        record.approvalPending(approval);
    }

    public void approvalClosed(ExecutionRecord record, PendingApproval approval, String reason) {
        record.approvalClosed(approval.id(), "Approval at " + approval.state() + " closed: " + reason);
    }

    /** The build follows the execution from now on; answers given on the page are said in {@code log}. */
    public void followingStarted(ExecutionRecord record, PrintStream log) {
        record.followingStarted(log);
    }

    /** The build stopped following the execution (it ended, or the build was aborted or timed out). */
    public void followingStopped(ExecutionRecord record) {
        record.followingStopped(System.currentTimeMillis());
    }

    public void finished(ExecutionRecord record, Outcome outcome, String outputFile) {
        record.finished(outcome, outputFile);
    }

    /** URL of this page relative to Jenkins' root, with a leading slash (console links resolve it). */
    public String url() {
        return "/" + run.getUrl() + URL_NAME + "/";
    }

    /** Where the build keeps an execution's history, one JSON event per line. */
    public Path historyFile(ExecutionRecord record) {
        return run.getRootDir().toPath().resolve(URL_NAME).resolve("execution-" + record.getNumber() + ".history.jsonl");
    }

    public void appendHistory(ExecutionRecord record, ObjectNode event) {
        Path file = historyFile(record);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, event.toString() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the build keeps the execution's definition, read once when following began, for the live view. */
    public Path definitionFile(ExecutionRecord record) {
        return run.getRootDir().toPath().resolve(URL_NAME).resolve("execution-" + record.getNumber() + ".definition.json");
    }

    /** Whether the definition is kept already (a resumed follower does not ask AWS again). */
    public boolean hasDefinition(ExecutionRecord record) {
        return Files.exists(definitionFile(record));
    }

    /** Keeps the definition as DescribeStateMachineForExecution returned it; written whole, then moved in place. */
    public void saveDefinition(ExecutionRecord record, String definition) throws IOException {
        Path file = definitionFile(record);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "definition", ".tmp");
        Files.writeString(temp, definition, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private ExecutionViewFiles viewFiles(ExecutionRecord record) {
        return new ExecutionViewFiles(record.getExecutionArn(), historyFile(record), definitionFile(record));
    }

    /** The report page of an execution (the view module's self-contained HTML), from what the build kept. */
    public String reportHtml(ExecutionRecord record) throws IOException {
        return viewFiles(record).reportHtml();
    }

    /** The history as one JSON document: {@code {"executionArn": ..., "events": [...]}}. */
    public String historyJson(ExecutionRecord record) throws IOException {
        Path file = historyFile(record);
        StringBuilder json = new StringBuilder("{\"executionArn\":").append(JSON.writeValueAsString(record.getExecutionArn()))
                .append(",\"events\":[");
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            json.append(String.join(",", lines.stream().filter(l -> !l.isBlank()).toList()));
        }
        return json.append("]}").toString();
    }

    /**
     * {@code GET .../stepfunctions/viewData?execution=N&since=C}: the live view's data of the build's N-th
     * execution, or {@code {"unchanged":true}} when the page has cursor C already. Read from the build's own
     * files, never from AWS. Beside the view: {@code final} once the build no longer follows the execution (the
     * page stops polling), {@code answers} for the pending approvals the current user may answer (or why not),
     * and the {@code cursor} to poll with (see {@link LiveViewState}). JSON only: the page puts every value in
     * with textContent or setAttribute.
     */
    public void doViewData(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        // Stapler routes any method here; reading needs no other, and a GET-only endpoint cannot be a CSRF target
        if (!"GET".equals(req.getMethod())) {
            rsp.setHeader("Allow", "GET");
            rsp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "viewData answers GET only");
            return;
        }
        run.checkPermission(Item.READ);
        ExecutionRecord record = byNumber(req.getParameter("execution"));
        if (record == null) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND, "no such execution in this build");
            return;
        }
        ExecutionViewFiles files = viewFiles(record);
        sendJson(rsp, HttpServletResponse.SC_OK, files.viewJson(req.getParameter("since"), liveState(record, files)));
    }

    /** JSON for the page's scripts: never cached, never sniffed as anything else. */
    private static void sendJson(StaplerResponse2 rsp, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        rsp.setStatus(status);
        rsp.setContentType("application/json;charset=UTF-8");
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        rsp.setHeader("Cache-Control", "no-store");
        rsp.setContentLength(body.length);
        try (OutputStream out = rsp.getOutputStream()) {
            out.write(body);
        }
    }

    /** {@code GET .../stepfunctions/history?execution=N}: the history of the build's N-th execution. */
    public void doHistory(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        run.checkPermission(Item.READ);
        ExecutionRecord record = byNumber(req.getParameter("execution"));
        if (record == null) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND, "no such execution in this build");
            return;
        }
        byte[] body = historyJson(record).getBytes(StandardCharsets.UTF_8);
        rsp.setContentType("application/json;charset=UTF-8");
        rsp.setHeader("Content-Disposition", "attachment; filename=\"" + record.getName() + "-history.json\"");
        rsp.setContentLength(body.length);
        try (OutputStream out = rsp.getOutputStream()) {
            out.write(body);
        }
    }

    /** What the live view of {@code record} tells the current user beside the history. */
    LiveViewState liveState(ExecutionRecord record, ExecutionViewFiles files) throws IOException {
        Long stopped = record.getFollowStoppedAt();
        if (stopped != null) {
            return new LiveViewState(new LiveViewState.FinalView("the build stopped following it", stopped), Map.of());
        }
        if (!run.isBuilding()) {
            return new LiveViewState(new LiveViewState.FinalView("the build has finished", files.historyWrittenAt()),
                    Map.of());
        }
        Map<String, LiveViewState.AnswerOffer> answers = new LinkedHashMap<>();
        for (ApprovalView approval : record.getPendingApprovals()) {
            Optional<String> refusal = refusal(approval);
            answers.put(String.valueOf(approval.getScheduledEventId()), new LiveViewState.AnswerOffer(
                    record.getExecutionArn(), approval.getId(), refusal.isEmpty(), refusal.orElse(null),
                    approval.getParametersJson()));
        }
        return new LiveViewState(null, answers);
    }

    /**
     * {@code POST approve|reject} with {@code execution}, {@code approval}, {@code comment} and (approve only)
     * {@code parameters}: from the forms, a redirect back to the page or an error page; from the live view
     * ({@code Accept: application/json}), {@code {"answered": "approved"|"rejected", "message"}} or
     * {@code {"message"}} with the same status as the error page. Jenkins' crumb filter checks the crumb first.
     */
    @RequirePOST
    public void doApprove(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        answer(req, rsp, true);
    }

    @RequirePOST
    public void doReject(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        answer(req, rsp, false);
    }

    private void answer(StaplerRequest2 req, StaplerResponse2 rsp, boolean approve) throws IOException {
        Answer answer = decide(req.getParameter("execution"), req.getParameter("approval"), approve,
                req.getParameter("comment"), req.getParameter("parameters"));
        String accept = req.getHeader("Accept");
        if (accept != null && accept.contains("application/json")) {
            boolean answered = answer.httpStatus() == HttpServletResponse.SC_SEE_OTHER;
            ObjectNode json = JSON.createObjectNode();
            if (answered) {
                json.put("answered", approve ? "approved" : "rejected");
            }
            json.put("message", answer.message());
            sendJson(rsp, answered ? HttpServletResponse.SC_OK : answer.httpStatus(), json.toString());
        } else if (answer.httpStatus() == HttpServletResponse.SC_SEE_OTHER) {
            rsp.sendRedirect(".");
        } else {
            rsp.sendError(answer.httpStatus(), answer.message());
        }
    }

    /** What became of an Approve/Reject from the build page, as HTTP says it. */
    public record Answer(int httpStatus, String message) {
    }

    /**
     * Answers a pending approval for the current user: checks who may answer (the named submitters, else
     * Item.BUILD), then lets the live follower send SendTaskSuccess/SendTaskFailure exactly once.
     */
    public Answer decide(String executionArn, String approvalId, boolean approve, String comment, String parametersJson) {
        ExecutionRecord record = executionArn == null ? null : find(executionArn).orElse(null);
        ApprovalView view = record == null || approvalId == null ? null : record.pendingApproval(approvalId);
        if (view == null) {
            return new Answer(HttpServletResponse.SC_CONFLICT, "This approval is no longer pending.");
        }
        Optional<String> refusal = refusal(view);
        if (refusal.isPresent()) {
            return new Answer(HttpServletResponse.SC_FORBIDDEN, refusal.get());
        }
        JenkinsServices jenkins = services();
        String user = jenkins.currentUserId();
        JsonNode parameters;
        try {
            parameters = parametersJson == null || parametersJson.isBlank() ? null : JSON.readTree(parametersJson);
        } catch (JsonProcessingException e) {
            return new Answer(HttpServletResponse.SC_BAD_REQUEST, "parameters: not valid JSON ("
                    + e.getOriginalMessage() + "); fix the parameters or leave them empty.");
        }
        Decision decision = new Decision(approve, user == null ? "anonymous" : user, comment, parameters);
        Optional<AnswerResult> result;
        try {
            result = jenkins.activeExecutions().answer(executionArn, approvalId, decision);
        } catch (BridgeException notTaken) {
            // throttled or failing after retries: the approval stays open, the person may try again
            return new Answer(HttpServletResponse.SC_SERVICE_UNAVAILABLE, notTaken.getMessage());
        }
        if (result.isEmpty()) {
            return new Answer(HttpServletResponse.SC_CONFLICT, "The build is not following this execution right now"
                    + " (finished, or not resumed yet after a restart); answer it in the AWS console.");
        }
        return switch (result.get()) {
            case ANSWERED -> {
                PrintStream log = record.log();
                if (log != null) {
                    log.println(approve
                            ? "  Approved by " + decision.approver() + " on the build page: SendTaskSuccess sent to Step Functions"
                            : "  Rejected by " + decision.approver() + " on the build page: SendTaskFailure "
                                    + Decision.REJECTED_ERROR + " sent to Step Functions");
                }
                yield new Answer(HttpServletResponse.SC_SEE_OTHER, approve ? "Approved." : "Rejected.");
            }
            case ALREADY_ANSWERED -> new Answer(HttpServletResponse.SC_CONFLICT, "This approval was already answered.");
            case CLOSED_ELSEWHERE -> new Answer(HttpServletResponse.SC_CONFLICT,
                    "This approval was closed elsewhere (answered by another channel, timed out, or the execution ended).");
        };
    }

    /**
     * Why the current user may not answer {@code approval}, or empty when they may: the approval's submitters
     * (users or groups, Jenkins' IdStrategy) and administrators, or, when it names none, whoever may build the job.
     * The one rule for the page's answers and for the buttons the live view offers.
     */
    private Optional<String> refusal(ApprovalView approval) {
        JenkinsServices jenkins = services();
        String user = jenkins.currentUserId();
        ApproverRule.Approver approver = new ApproverRule.Approver(user, jenkins.currentUserGroups(),
                jenkins.currentUserIsAdministrator(), run.hasPermission(Item.BUILD));
        if (jenkins.approverRule().allows(approval.getSubmitters(), approver)) {
            return Optional.empty();
        }
        return Optional.of((user == null ? "Anonymous" : user) + " may not answer this approval"
                + (approval.getSubmitters().isEmpty() ? " (it needs Job/Build on this job)" : "; allowed: "
                + String.join(", ", approval.getSubmitters())) + ".");
    }

    @Override
    public void buildEnvironment(Run<?, ?> r, EnvVars env) {
        if (executions.isEmpty()) {
            return;
        }
        ExecutionRecord last = executions.get(executions.size() - 1);
        env.put("SFN_EXECUTION_ARN", last.getExecutionArn());
        env.put("SFN_STATUS", last.getStatus());
        if (last.getOutputFile() != null) {
            env.put("SFN_OUTPUT_FILE", last.getOutputFile());
        }
    }

    private ExecutionRecord byNumber(String number) {
        try {
            int n = Integer.parseInt(number);
            return n >= 1 && n <= executions.size() ? executions.get(n - 1) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private JenkinsServices services() {
        if (services == null) {
            services = JenkinsServices.live();
        }
        return services;
    }
}
