package io.jenkins.plugins.stepfunctions.plugin.runtime;

import hudson.AbortException;
import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import jenkins.MasterToSlaveFileCallable;

/** A workspace on a Jenkins agent (or the controller), reached through remoting. */
final class FilePathWorkspace implements WorkspaceFiles {
    private final FilePath workspace;

    FilePathWorkspace(FilePath workspace) {
        this.workspace = workspace;
    }

    @Override
    public String read(String relativePath) throws IOException, InterruptedException {
        FilePath file = workspace.child(relativePath);
        if (!file.exists()) {
            throw new AbortException(relativePath + ": no such file in the workspace " + workspace.getRemote()
                    + "; check the path (it is relative to the workspace)");
        }
        return file.readToString();
    }

    @Override
    public void write(String relativePath, String content) throws IOException, InterruptedException {
        workspace.child(relativePath).write(content, "UTF-8");
    }

    @Override
    public <T extends Serializable> T runThere(WorkspaceTask<T> task) throws IOException, InterruptedException {
        workspace.mkdirs();
        return workspace.act(new OnAgent<>(task));
    }

    /** A controller-to-agent callable (never the reverse: agents are not trusted to run code on the controller). */
    private static final class OnAgent<T extends Serializable> extends MasterToSlaveFileCallable<T> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final WorkspaceTask<T> task;

        OnAgent(WorkspaceTask<T> task) {
            this.task = task;
        }

        @Override
        public T invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
            return task.run(workspace.toPath());
        }
    }
}
