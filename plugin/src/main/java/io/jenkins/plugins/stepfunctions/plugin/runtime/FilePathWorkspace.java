package io.jenkins.plugins.stepfunctions.plugin.runtime;

import hudson.AbortException;
import hudson.FilePath;
import java.io.IOException;

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
}
