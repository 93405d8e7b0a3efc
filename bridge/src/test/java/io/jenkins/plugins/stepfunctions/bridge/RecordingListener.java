package io.jenkins.plugins.stepfunctions.bridge;

import io.jenkins.plugins.stepfunctions.bridge.approval.PendingApproval;
import io.jenkins.plugins.stepfunctions.bridge.render.RenderStyle;
import io.jenkins.plugins.stepfunctions.bridge.render.RenderedLine;
import io.jenkins.plugins.stepfunctions.bridge.watch.FollowListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** Keeps what a follower delivered, for assertions. */
public final class RecordingListener implements FollowListener {
    public final List<Long> eventIds = new CopyOnWriteArrayList<>();
    public final List<String> eventTypes = new CopyOnWriteArrayList<>();
    public final List<RenderedLine> lines = new CopyOnWriteArrayList<>();
    public final List<PendingApproval> pending = new CopyOnWriteArrayList<>();
    public final List<String> closed = new CopyOnWriteArrayList<>();

    @Override
    public void line(RenderedLine line) {
        lines.add(line);
    }

    @Override
    public void event(HistoryEvent event) {
        eventIds.add(event.id());
        eventTypes.add(event.typeAsString());
    }

    @Override
    public void approvalPending(PendingApproval approval) {
        pending.add(approval);
    }

    @Override
    public void approvalClosed(PendingApproval approval, String reason) {
        closed.add(approval.state() + ": " + reason);
    }

    public List<String> plain() {
        return lines.stream().map(l -> l.format(RenderStyle.PLAIN)).toList();
    }

    public String text() {
        return String.join("\n", plain());
    }
}
