package io.jenkins.plugins.stepfunctions.plugin.fakes;

import hudson.model.Action;
import hudson.model.Run;
import hudson.security.Permission;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.security.access.AccessDeniedException;

/**
 * A build without Jenkins: actions in a list, a root directory on disk, one permission switch. Limits: no job,
 * no build.xml (actions are not saved or reloaded through XStream), no ACL (every permission is the switch).
 */
@SuppressWarnings("rawtypes")
public final class FakeRun extends Run {
    private final File rootDir;
    private final List<Action> actions = new CopyOnWriteArrayList<>();
    private volatile boolean mayBuild = true;
    private volatile boolean mayRead = true;
    private volatile boolean building = true;

    @SuppressWarnings("unchecked")
    public FakeRun(File rootDir) throws IOException {
        super(null);
        this.rootDir = rootDir;
    }

    public FakeRun mayBuild(boolean allowed) {
        this.mayBuild = allowed;
        return this;
    }

    /** Whether {@code checkPermission} lets the current user read the build (a user without Item.READ). */
    public FakeRun mayRead(boolean allowed) {
        this.mayRead = allowed;
        return this;
    }

    /** Whether the build is still running ({@code Run.isBuilding}); a new fake run is. */
    public FakeRun building(boolean running) {
        this.building = running;
        return this;
    }

    @Override
    public boolean isBuilding() {
        return building;
    }

    /** Throws as Jenkins' ACL does (its AccessDeniedException3 is a Spring AccessDeniedException). */
    @Override
    public void checkPermission(Permission permission) {
        if (!mayRead) {
            throw new AccessDeniedException("no permission to read this build");
        }
    }

    @Override
    public <T extends Action> T getAction(Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    @Override
    public boolean addOrReplaceAction(Action a) {
        actions.removeIf(existing -> existing.getClass() == a.getClass());
        return actions.add(a);
    }

    @Override
    public File getRootDir() {
        return rootDir;
    }

    @Override
    public String getUrl() {
        return "job/deploy/1/";
    }

    @Override
    public String getFullDisplayName() {
        return "deploy #1";
    }

    @Override
    public boolean hasPermission(Permission permission) {
        return mayBuild;
    }
}
