package io.jenkins.plugins.stepfunctions.plugin.build;

import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pending approval as the build page shows it: everything but the task token, which stays with the
 * follower. A plain class: build.xml (XStream) stores it.
 */
public final class ApprovalView implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String executionArn;
    private final String state;
    private final long scheduledEventId;
    private final String message;
    private final ArrayList<String> submitters;
    private final LinkedHashMap<String, String> metadata;
    private final String parametersJson;
    private final String deadline;

    ApprovalView(PendingApproval approval) {
        this.id = approval.id();
        this.executionArn = approval.executionArn();
        this.state = approval.state();
        this.scheduledEventId = approval.scheduledEventId();
        this.message = approval.message();
        this.submitters = new ArrayList<>(approval.submitters());
        this.metadata = new LinkedHashMap<>(approval.metadata());
        this.parametersJson = approval.parameters() == null || approval.parameters().isEmpty()
                ? null : approval.parameters().toPrettyString();
        this.deadline = approval.deadline() == null ? null : approval.deadline().toString();
    }

    public String getId() {
        return id;
    }

    public String getExecutionArn() {
        return executionArn;
    }

    public String getState() {
        return state;
    }

    /** The TaskScheduled event of the approval: the live view names a pending approval by it. */
    public long getScheduledEventId() {
        return scheduledEventId;
    }

    public String getMessage() {
        return message;
    }

    public List<String> getSubmitters() {
        return submitters;
    }

    public Map<String, String> getMetadata() {
        return metadata;
    }

    public String getParametersJson() {
        return parametersJson;
    }

    public String getDeadline() {
        return deadline;
    }
}
